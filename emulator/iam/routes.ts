import type { Hono } from "hono";
import { z } from "zod";
import { readBody, type Ctx, type Emu, type EmuEnv } from "../core/context";
import { keystoneError } from "../core/errors";
import { HEX32, opaqueToken } from "../core/ids";
import type { Project, Token, User } from "../store/types";
import { projectBody, tokenBody } from "./body";
import { validCaller } from "./caller";
import { registerCredentials } from "./credentials";

const ref = z.object({ id: z.string().optional(), name: z.string().optional() });
const authSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).min(1),
      password: z
        .object({
          user: z.object({
            id: z.string().optional(),
            name: z.string().optional(),
            password: z.string(),
            domain: ref.optional(),
          }),
        })
        .optional(),
      token: z.object({ id: z.string().optional() }).optional(),
    }),
    scope: z
      .object({
        project: ref.extend({ domain: ref.optional() }).optional(),
        domain: ref.optional(),
      })
      .optional(),
  }),
});
type AuthRequest = z.infer<typeof authSchema>["auth"];

export function baseUrl(c: Ctx, emu: Emu): string {
  if (emu.publicUrl) return emu.publicUrl;
  const url = new URL(c.req.url);
  return `${url.protocol}//${c.req.header("host") ?? url.host}`;
}

/** IAM: tokens (password and token methods), validation, projects, access keys, version discovery. */
export function registerIam(app: Hono<EmuEnv>, emu: Emu): void {
  app.post("/v3/auth/tokens", async (c) => {
    const body = await readBody(c, emu);
    const parsed = body.kind === "json" ? authSchema.safeParse(body.value) : undefined;
    if (!parsed?.success)
      throw keystoneError(400, "The request body is malformed: expected auth.identity with methods.");
    const auth = parsed.data.auth;
    const now = emu.clock.now();
    const { user, expiresAt, methods } = identify(c, emu, auth, now);
    const scope = resolveScope(emu, user, auth.scope);
    const token: Token = {
      userId: user.id,
      ...(scope.project ? { projectId: scope.project.id } : {}),
      domainScoped: scope.domain,
      methods,
      issuedAt: now,
      expiresAt,
    };
    const tokenId = opaqueToken();
    emu.world.tokens.set(tokenId, token);
    emu.changed();
    c.header("X-Subject-Token", tokenId);
    return c.json(tokenBody(emu, token, baseUrl(c, emu), !c.req.query("nocatalog")), 201);
  });

  app.get("/v3/auth/tokens", (c) => {
    validCaller(c, emu);
    const subjectId = c.req.header("x-subject-token") ?? "";
    const subject = emu.world.tokens.get(subjectId);
    if (!subject || subject.expiresAt <= emu.clock.now()) throw keystoneError(404, "The token could not be found.");
    c.header("X-Subject-Token", subjectId);
    return c.json(tokenBody(emu, subject, baseUrl(c, emu), !c.req.query("nocatalog")));
  });

  app.get("/v3/auth/projects", (c) => {
    const { user } = validCaller(c, emu);
    const base = baseUrl(c, emu);
    const projects = emu.world.projectsOf(user.domainId).map((p) => projectBody(emu, p.id, base));
    return c.json({ links: { self: `${base}/v3/auth/projects` }, projects });
  });

  app.get("/v3/projects/:project_id", (c) => {
    const { user } = validCaller(c, emu);
    const id = c.req.param("project_id");
    const project = emu.world.projects.get(id);
    if (project && project.domainId === user.domainId)
      return c.json({ project: projectBody(emu, id, baseUrl(c, emu)) });
    if (HEX32.test(id)) throw keystoneError(403, "You are not authorized to perform the requested action.");
    throw keystoneError(404, `Could not find project: ${id}.`);
  });

  // Listing projects needs an admin role; openstackclient's project look-up falls back to the id on 403.
  app.get("/v3/projects", (c) => {
    validCaller(c, emu);
    throw keystoneError(403, "You are not authorized to perform the requested action.");
  });

  registerCredentials(app, emu);

  for (const path of ["/v3", "/v3/"]) {
    app.get(path, (c) =>
      c.json({
        version: {
          id: "v3.6",
          status: "stable",
          updated: "2016-04-04T00:00:00Z",
          links: [{ rel: "self", href: `${baseUrl(c, emu)}/v3/` }],
          "media-types": [{ base: "application/json", type: "application/vnd.openstack.identity-v3+json" }],
        },
      }),
    );
  }
}

function identify(
  c: Ctx,
  emu: Emu,
  auth: AuthRequest,
  now: number,
): { user: User; expiresAt: number; methods: string[] } {
  const { identity } = auth;
  if (identity.methods.includes("password") && identity.password) {
    const u = identity.password.user;
    const domain = u.domain?.id
      ? emu.world.accounts.get(u.domain.id)
      : u.domain?.name !== undefined
        ? emu.world.accountByName(u.domain.name)
        : undefined;
    const user = u.id
      ? emu.world.users.get(u.id)
      : domain && u.name
        ? emu.world.userByName(domain.id, u.name)
        : undefined;
    if (!user || user.password !== u.password || (domain && user.domainId !== domain.id)) {
      throw keystoneError(401, "The username or password is wrong.");
    }
    if (!user.enabled) throw keystoneError(403, "The user is disabled.");
    return { user, expiresAt: now + emu.config.tokenLifetimeMs, methods: ["password"] };
  }
  if (identity.methods.includes("token")) {
    const tokenId = identity.token?.id ?? c.req.header("x-auth-token") ?? "";
    const existing = emu.world.tokens.get(tokenId);
    const user = existing && emu.world.users.get(existing.userId);
    if (!existing || !user || existing.expiresAt <= now)
      throw keystoneError(401, "The token is invalid or has expired.");
    // Section 14 D7, reading B: re-scoping is documented for federated unscoped tokens only, and every
    // token the emulator issues is a regular IAM user's (obtained by password or from one).
    if (emu.config.disputed.tokenRescope === "B") {
      throw keystoneError(
        emu.config.disputed.tokenRescopeStatus,
        "The token method is supported only for federated unscoped tokens.",
      );
    }
    return { user, expiresAt: existing.expiresAt, methods: ["token"] };
  }
  throw keystoneError(400, "The request body is malformed: no supported authentication method.");
}

function resolveScope(emu: Emu, user: User, scope: AuthRequest["scope"]): { project?: Project; domain: boolean } {
  const unknown = () =>
    keystoneError(
      emu.config.unknownScopeStatus,
      "The project to scope to was not found or is not accessible by the user.",
    );
  if (scope?.project) {
    const p = scope.project;
    let project: Project | undefined;
    if (p.id) project = emu.world.projects.get(p.id);
    else if (p.name) {
      const domainId =
        p.domain?.id ?? (p.domain?.name !== undefined ? emu.world.accountByName(p.domain.name)?.id : user.domainId);
      project = domainId ? emu.world.projectByName(domainId, p.name) : undefined;
    }
    if (!project || project.domainId !== user.domainId) throw unknown();
    return { project, domain: false };
  }
  if (scope?.domain) {
    const d = scope.domain;
    const ok = d.id ? d.id === user.domainId : emu.world.accounts.get(user.domainId)?.name === d.name;
    if (!ok) throw unknown();
    return { domain: true };
  }
  return { domain: false };
}
