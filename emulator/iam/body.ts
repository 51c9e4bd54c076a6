import type { Emu } from "../core/context";
import { isoMicros } from "../core/time";
import type { Token } from "../store/types";

const CATALOG_SERVICES = [
  { type: "identity", name: "iam", path: "/v3" },
  { type: "image", name: "ims", path: "" },
  { type: "cph", name: "cph", path: "" },
  { type: "cts", name: "cts", path: "" },
  { type: "cbr", name: "cbr", path: "" },
  { type: "organizations", name: "organizations", path: "" },
  { type: "smn", name: "smn", path: "" },
] as const;

/**
 * The service catalog (reference 11.10, item 3): public endpoints for every region, the image
 * endpoint unversioned and identity ending in `/v3`. One port serves all services; Organizations is
 * global, so its endpoint is the same URL whatever the region.
 */
export function catalog(emu: Emu, baseUrl: string) {
  const regions = [...new Set([...emu.world.projects.values()].map((p) => p.region))].sort();
  return CATALOG_SERVICES.map((s) => ({
    type: s.type,
    id: `${s.name}0000000000000000000000000000`.slice(0, 32),
    name: s.name,
    endpoints: regions.map((region) => ({
      id: Buffer.from(`${s.name}:${region}`).toString("hex").padEnd(32, "0").slice(0, 32),
      interface: "public",
      region,
      region_id: region,
      url: baseUrl + s.path,
    })),
  }));
}

/** The `token` object of reference section 2.1. */
export function tokenBody(emu: Emu, token: Token, baseUrl: string, withCatalog: boolean) {
  const user = emu.world.users.get(token.userId);
  const account = user && emu.world.accounts.get(user.domainId);
  if (!user || !account) throw new Error("token of a missing user");
  const domain = { id: account.id, name: account.name };
  const project = token.projectId ? emu.world.projects.get(token.projectId) : undefined;
  const readOnly = !user.permissions.includes("ims:images:share");
  return {
    token: {
      methods: token.methods,
      issued_at: isoMicros(token.issuedAt),
      expires_at: isoMicros(token.expiresAt),
      user: { id: user.id, name: user.name, password_expires_at: "", domain },
      ...(project ? { project: { id: project.id, name: project.name, domain } } : {}),
      ...(token.domainScoped ? { domain } : {}),
      roles: [{ id: "0", name: readOnly ? "readonly" : "te_admin" }],
      catalog: withCatalog ? catalog(emu, baseUrl) : [],
    },
  };
}

/** `GET /v3/auth/projects` entry (reference section 2.3). */
export function projectBody(emu: Emu, projectId: string, baseUrl: string) {
  const p = emu.world.projects.get(projectId);
  if (!p) throw new Error("missing project");
  const parent = p.name.includes("_") ? (emu.world.projectByName(p.domainId, p.region)?.id ?? p.domainId) : p.domainId;
  return {
    id: p.id,
    name: p.name,
    domain_id: p.domainId,
    parent_id: parent,
    enabled: true,
    is_domain: false,
    description: p.description,
    links: { self: `${baseUrl}/v3/projects/${p.id}` },
  };
}
