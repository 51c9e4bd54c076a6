import { beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "../seed/demo";
import { testEmulator, type TestEmulator } from "../testing";

const passwordAuth = (name: string, password: string, domain: Record<string, string>, scope?: unknown) => ({
  auth: {
    identity: { methods: ["password"], password: { user: { name, password, domain } } },
    ...(scope ? { scope } : {}),
  },
});

describe("IAM", () => {
  let emu: TestEmulator;
  beforeEach(() => {
    emu = testEmulator();
  });

  it("signs in arthur, acme's second admin, in acme's projects with full permissions", async () => {
    const token = await emu.login("arthur", "cn-north-4");
    const res = await emu.call("GET", "/v3/auth/tokens", { token, headers: { "X-Subject-Token": token } });
    expect(res.body.token).toMatchObject({
      user: { id: DEMO.arthur, name: "arthur", domain: { id: DEMO.acme } },
      project: { id: DEMO.acmeCn },
    });
    expect(emu.emu.world.users.get(DEMO.arthur)?.permissions).toEqual(emu.emu.world.users.get(DEMO.alice)?.permissions);
  });

  it("issues a long opaque token scoped to a project by name, with the 2.1 body and catalog", async () => {
    const res = await emu.call("POST", "/v3/auth/tokens", {
      body: passwordAuth(
        "alice",
        "alice-demo-2026",
        { name: "acme" },
        { project: { name: "ap-southeast-1", domain: { name: "acme" } } },
      ),
    });
    expect(res.status).toBe(201);
    const token = res.headers.get("x-subject-token")!;
    expect(token.length).toBeGreaterThanOrEqual(2048);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get("x-iam-trace-id")).toMatch(/^[0-9a-f]{32}$/);
    const t = res.body.token;
    expect(t.methods).toEqual(["password"]);
    expect(t.issued_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(t.expires_at) - Date.parse(t.issued_at)).toBe(24 * 3600 * 1000);
    expect(t.user).toEqual({
      id: DEMO.alice,
      name: "alice",
      password_expires_at: "",
      domain: { id: DEMO.acme, name: "acme" },
    });
    expect(t.project).toEqual({ id: DEMO.acmeAp, name: "ap-southeast-1", domain: { id: DEMO.acme, name: "acme" } });
    expect(t.roles).toEqual([{ id: "0", name: "te_admin" }]);
    const types = t.catalog.map((s: { type: string }) => s.type);
    expect(types).toEqual(["identity", "image", "cph", "cts", "cbr", "organizations", "smn"]);
    const identity = t.catalog[0].endpoints.find((e: { region_id: string }) => e.region_id === "ap-southeast-1");
    expect(identity).toMatchObject({ interface: "public", region: "ap-southeast-1", url: "http://emulator.test/v3" });
    expect(t.catalog[1].endpoints[0].url).toBe("http://emulator.test");
  });

  it("scopes by project id, drops the catalog with nocatalog, and accepts user and domain ids", async () => {
    const res = await emu.call("POST", "/v3/auth/tokens?nocatalog=true", {
      body: {
        auth: {
          identity: { methods: ["password"], password: { user: { id: DEMO.bob, password: "bob-demo-2026" } } },
          scope: { project: { id: DEMO.globexCn } },
        },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.token.project.name).toBe("cn-north-4");
    expect(res.body.token.catalog).toEqual([]);
  });

  it("refuses a wrong password, an unknown user and another account's domain with the Keystone 401 body", async () => {
    for (const body of [
      passwordAuth("alice", "wrong", { name: "acme" }),
      passwordAuth("mallory", "alice-demo-2026", { name: "acme" }),
      passwordAuth("alice", "alice-demo-2026", { name: "globex" }),
    ]) {
      const res = await emu.call("POST", "/v3/auth/tokens", { body });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: 401, title: "Unauthorized", message: "The username or password is wrong." },
      });
      expect(res.headers.get("x-subject-token")).toBeNull();
    }
  });

  it("refuses a project of another account or an unknown one, with the configured status", async () => {
    const other = await emu.call("POST", "/v3/auth/tokens", {
      body: passwordAuth("alice", "alice-demo-2026", { name: "acme" }, { project: { id: DEMO.globexAp } }),
    });
    expect(other.status).toBe(401);
    emu.emu.config = { ...emu.emu.config, unknownScopeStatus: 404 };
    const unknown = await emu.call("POST", "/v3/auth/tokens", {
      body: passwordAuth(
        "alice",
        "alice-demo-2026",
        { name: "acme" },
        { project: { name: "eu-west-0", domain: { name: "acme" } } },
      ),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe(404);
  });

  it("answers 400 for malformed bodies and creates no token", async () => {
    for (const rawBody of ["not json", "{}", '{"auth":{"identity":{"methods":"password"}}}', ""]) {
      const res = await emu.call("POST", "/v3/auth/tokens", {
        rawBody,
        headers: { "Content-Type": "application/json" },
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 400, title: "Bad Request" });
    }
    expect(emu.emu.world.tokens.size).toBe(0);
  });

  it("re-scopes with the token method, keeping the original expiry", async () => {
    const token = await emu.login("alice");
    const original = emu.emu.world.tokens.get(token)!;
    emu.emu.clock.advance(3600_000);
    const res = await emu.call("POST", "/v3/auth/tokens", {
      body: {
        auth: { identity: { methods: ["token"], token: { id: token } }, scope: { project: { id: DEMO.acmeCn } } },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.token.methods).toEqual(["token"]);
    expect(res.body.token.project.id).toBe(DEMO.acmeCn);
    expect(Date.parse(res.body.token.expires_at)).toBe(original.expiresAt);
    const fresh = res.headers.get("x-subject-token")!;
    expect(fresh).not.toBe(token);

    const cross = await emu.call("POST", "/v3/auth/tokens", {
      body: {
        auth: { identity: { methods: ["token"], token: { id: token } }, scope: { project: { id: DEMO.globexAp } } },
      },
    });
    expect(cross.status).toBe(401);
  });

  it("refuses the token method with an expired or unknown token", async () => {
    const token = await emu.login("alice");
    emu.emu.clock.advance(24 * 3600_000 + 1);
    for (const id of [token, "MIIforged"]) {
      const res = await emu.call("POST", "/v3/auth/tokens", {
        body: { auth: { identity: { methods: ["token"], token: { id } }, scope: { project: { id: DEMO.acmeAp } } } },
      });
      expect(res.status).toBe(401);
    }
  });

  it("validates tokens with GET /v3/auth/tokens: 200 for a live one, 404 for an expired one", async () => {
    const caller = await emu.login("alice");
    const subject = await emu.login("bob");
    const ok = await emu.call("GET", "/v3/auth/tokens", { token: caller, headers: { "X-Subject-Token": subject } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-subject-token")).toBe(subject);
    expect(ok.body.token.user.name).toBe("bob");
    const missing = await emu.call("GET", "/v3/auth/tokens", {
      token: caller,
      headers: { "X-Subject-Token": "MIInope" },
    });
    expect(missing.status).toBe(404);
    const noCaller = await emu.call("GET", "/v3/auth/tokens", { headers: { "X-Subject-Token": subject } });
    expect(noCaller.status).toBe(401);
  });

  it("lists the user's projects with the 2.3 fields", async () => {
    const token = await emu.login("alice");
    const res = await emu.call("GET", "/v3/auth/projects", { token });
    expect(res.status).toBe(200);
    expect(res.body.links.self).toBe("http://emulator.test/v3/auth/projects");
    expect(res.body.projects.map((p: { name: string }) => p.name).sort()).toEqual(["ap-southeast-1", "cn-north-4"]);
    expect(res.body.projects[0]).toEqual({
      id: DEMO.acmeAp,
      name: "ap-southeast-1",
      domain_id: DEMO.acme,
      parent_id: DEMO.acme,
      enabled: true,
      is_domain: false,
      description: "",
      links: { self: `http://emulator.test/v3/projects/${DEMO.acmeAp}` },
    });
  });

  it("shows own projects, answers 403 (never 404) for other accounts' project ids", async () => {
    const token = await emu.login("alice");
    expect((await emu.call("GET", `/v3/projects/${DEMO.acmeCn}`, { token })).body.project.name).toBe("cn-north-4");
    const other = await emu.call("GET", `/v3/projects/${DEMO.globexAp}`, { token });
    expect(other.status).toBe(403);
    const madeUp = await emu.call("GET", `/v3/projects/${"f".repeat(32)}`, { token });
    expect(madeUp.status).toBe(403);
    const byName = await emu.call("GET", `/v3/projects?name=${DEMO.globexAp}`, { token });
    expect(byName.status).toBe(403);
    expect(byName.body.error.code).toBe(403);
  });

  it("serves the identity version document", async () => {
    const res = await emu.call("GET", "/v3");
    expect(res.status).toBe(200);
    expect(res.body.version).toMatchObject({
      id: "v3.6",
      status: "stable",
      links: [{ rel: "self", href: "http://emulator.test/v3/" }],
    });
  });
});
