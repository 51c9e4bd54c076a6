import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO } from "./seed/demo";
import { createEmulator } from "./server";
import { JOB_SPEEDS } from "./core/config";
import { testEmulator, wrapEmulator, type TestEmulator } from "./testing";

describe("gateway", () => {
  let emu: TestEmulator;
  beforeEach(() => {
    emu = testEmulator();
  });

  it("answers APIGW.0301 without a token or with an unknown one, flat on extension paths", async () => {
    for (const token of [undefined, "MIIunknown"]) {
      const res = await emu.call("GET", "/v2/cloudimages", { token });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error_code: "APIGW.0301", request_id: res.headers.get("x-request-id") });
      expect(res.body.error_msg).toMatch(/^Incorrect IAM authentication information/);
    }
  });

  it("nests gateway errors on native Glance paths so glanceclient can read them", async () => {
    const res = await emu.call("GET", "/v2/images");
    expect(res.status).toBe(401);
    expect(Object.values(res.body).every((v) => typeof v === "object")).toBe(true);
    expect(res.body.error.code).toBe("APIGW.0301");
  });

  it("answers APIGW.0307 once the emulator clock passes the token's expiry", async () => {
    const token = await emu.login("alice");
    expect((await emu.call("GET", "/v1/cloudimages/quota", { token })).status).toBe(200);
    emu.emu.clock.advance(24 * 3600_000);
    const res = await emu.call("GET", "/v1/cloudimages/quota", { token });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error_code: "APIGW.0307", error_msg: "The token must be updated." });
  });

  it("refuses a domain-scoped token on project APIs", async () => {
    const res = await emu.call("POST", "/v3/auth/tokens", {
      body: {
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { name: "alice", password: "alice-demo-2026", domain: { name: "acme" } } },
          },
          scope: { domain: { name: "acme" } },
        },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.token.domain).toEqual({ id: DEMO.acme, name: "acme" });
    const token = res.headers.get("x-subject-token")!;
    expect((await emu.call("GET", "/v2/cloudimages", { token })).status).toBe(401);
  });

  it("answers unknown routes with APIGW.0101 and oversized bodies with 413, changing nothing", async () => {
    const token = await emu.login("alice");
    const missing = await emu.call("GET", "/v9/nothing", { token });
    expect(missing.status).toBe(404);
    expect(missing.body.error_code).toBe("APIGW.0101");
    const before = emu.emu.world.version;
    const huge = await emu.call("POST", "/v1/cloudimages/members", { token, rawBody: "x".repeat(1024 * 1024 + 1) });
    expect(huge.status).toBe(413);
    expect(huge.body.error_code).toBe("APIGW.0201");
    expect(emu.emu.world.version).toBe(before);
  });
});

describe("controls", () => {
  let emu: TestEmulator;
  beforeEach(() => {
    emu = testEmulator();
  });

  it("injects 503 for a number of calls, then lets calls through", async () => {
    const token = await emu.login("alice");
    const add = await emu.call("POST", "/__emulator/faults/routes", {
      body: { path: "/v2/cloudimages", status: 503, times: 2 },
    });
    expect(add.status).toBe(201);
    expect((await emu.call("GET", "/v2/cloudimages", { token })).status).toBe(503);
    const second = await emu.call("GET", "/v2/cloudimages", { token });
    expect(second.status).toBe(503);
    expect(second.body.error.code).toBeDefined();
    expect((await emu.call("GET", "/v2/cloudimages", { token })).status).toBe(200);
  });

  it("injects 429 with Retry-After on a glob of routes, and clears it", async () => {
    const token = await emu.login("alice");
    const { body: fault } = await emu.call("POST", "/__emulator/faults/routes", {
      body: { method: "get", path: "/v1/*/cloudimages/**", status: 429, retryAfter: 3 },
    });
    const res = await emu.call("GET", `/v1/${DEMO.acmeAp}/cloudimages/1b7f0000-0000-4000-8000-000000000002/members`, {
      token,
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    expect(res.body.error_code).toBe("APIGW.0308");
    expect((await emu.call("DELETE", `/__emulator/faults/${fault.id}`)).status).toBe(204);
    expect(
      (await emu.call("GET", `/v1/${DEMO.acmeAp}/cloudimages/1b7f0000-0000-4000-8000-000000000002/members`, { token }))
        .status,
    ).toBe(200);
  });

  it("applies a call and then loses its answer when the fault says after", async () => {
    const token = await emu.login("alice");
    await emu.call("POST", "/__emulator/faults/routes", {
      body: { method: "POST", path: "/v2/images/*/members", status: 504, after: true, times: 1 },
    });
    const lost = await emu.call("POST", "/v2/images/1b7f0000-0000-4000-8000-000000000001/members", {
      token,
      body: { member: DEMO.globexAp },
    });
    expect(lost.status).toBe(504);
    // The member was added all the same: adding it again is a conflict.
    const again = await emu.call("POST", "/v2/images/1b7f0000-0000-4000-8000-000000000001/members", {
      token,
      body: { member: DEMO.globexAp },
    });
    expect(again.status).toBe(409);
  });

  it("delays calls by the injected latency", async () => {
    const token = await emu.login("alice");
    await emu.call("POST", "/__emulator/faults/routes", { body: { path: "/v1/cloudimages/quota", latencyMs: 120 } });
    const started = performance.now();
    expect((await emu.call("GET", "/v1/cloudimages/quota", { token })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it("rejects invalid fault definitions and config patches with 400", async () => {
    expect((await emu.call("POST", "/__emulator/faults/routes", { body: { status: 503 } })).status).toBe(400);
    expect((await emu.call("POST", "/__emulator/faults/jobs", { body: { kind: "explode" } })).status).toBe(400);
    const bad = await emu.call("PUT", "/__emulator/config", { body: { memberLimit: "many" } });
    expect(bad.status).toBe(400);
    expect(emu.emu.config.memberLimit).toBe(256);
    const unknown = await emu.call("PUT", "/__emulator/config", { body: { nope: true } });
    expect(unknown.status).toBe(400);
  });

  it("patches options, including named job speeds, and reset restores them", async () => {
    const res = await emu.call("PUT", "/__emulator/config", {
      body: { memberLimit: 128, jobTiming: "slow", cts: { retentionDays: 3 } },
    });
    expect(res.status).toBe(200);
    expect(emu.emu.config.memberLimit).toBe(128);
    expect(emu.emu.config.jobTiming).toEqual({ initMs: 2000, itemMs: 3000, maxRunMs: 0 });
    expect(emu.emu.config.cts).toMatchObject({ retentionDays: 3, addName: "addMember" });
    await emu.call("POST", "/__emulator/reset");
    expect(emu.emu.config.memberLimit).toBe(256);
  });

  it("counts requests per route with ids folded, excluding the controls", async () => {
    const token = await emu.login("alice");
    await emu.call("GET", `/v1/${DEMO.acmeAp}/cloudimages/1b7f0000-0000-4000-8000-000000000002/members`, { token });
    await emu.call("GET", `/v1/${DEMO.acmeAp}/cloudimages/1b7f0000-0000-4000-8000-000000000001/members`, { token });
    const { body } = await emu.call("GET", "/__emulator/stats");
    expect(body.routes["GET /v1/{id}/cloudimages/{id}/members"]).toBe(2);
    expect(body.routes["POST /v3/auth/tokens"]).toBe(1);
    expect(body.total).toBe(3);
    await emu.call("DELETE", "/__emulator/stats");
    expect((await emu.call("GET", "/__emulator/stats")).body.total).toBe(0);
  });

  it("moves the clock and resets the world to the seed", async () => {
    const before = Date.now();
    const moved = await emu.call("POST", "/__emulator/clock", { body: { advanceMs: 86_400_000 } });
    expect(moved.body.offsetMs).toBe(86_400_000);
    expect(moved.body.now).toBeGreaterThanOrEqual(before + 86_400_000);
    expect((await emu.call("POST", "/__emulator/clock", { body: { advanceMs: "soon" } })).status).toBe(400);
    emu.emu.world.images.delete("1b7f0000-0000-4000-8000-000000000001");
    await emu.call("POST", "/__emulator/reset", { body: { seed: "demo" } });
    expect(emu.emu.world.images.has("1b7f0000-0000-4000-8000-000000000001")).toBe(true);
    expect(emu.emu.clock.offset).toBe(0);
  });

  it("forgets issued tokens on reset, unless asked to keep them", async () => {
    const token = await emu.login("alice");
    const quota = () => emu.call("GET", "/v1/cloudimages/quota", { token });
    await emu.call("POST", "/__emulator/reset", { body: { keepTokens: true } });
    expect((await quota()).status).toBe(200);
    emu.emu.world.images.delete("1b7f0000-0000-4000-8000-000000000001");
    await emu.call("POST", "/__emulator/reset", { body: { seed: "demo", keepTokens: true } });
    expect(emu.emu.world.images.has("1b7f0000-0000-4000-8000-000000000001")).toBe(true);
    expect((await quota()).status).toBe(200);
    expect((await emu.call("POST", "/__emulator/reset", { body: { keepTokens: "yes" } })).status).toBe(400);
    await emu.call("POST", "/__emulator/reset");
    expect((await quota()).status).toBe(401);
  });

  it("adds images and members for test scenarios", async () => {
    const id = "1b7f0000-0000-4000-8000-00000000f001";
    const created = await emu.call("POST", "/__emulator/images", {
      body: { id, name: "scenario", owner: DEMO.globexAp },
    });
    expect(created.status).toBe(201);
    expect(
      (await emu.call("POST", "/__emulator/images", { body: { id, name: "again", owner: DEMO.globexAp } })).status,
    ).toBe(409);
    expect(
      (await emu.call("POST", "/__emulator/members", { body: { image_id: id, member_id: DEMO.acmeAp } })).status,
    ).toBe(204);
    expect(emu.emu.world.membershipOf(id, DEMO.acmeAp)?.status).toBe("pending");
    const phone = "ac0e0000000000000000000000c9a002";
    expect(
      (
        await emu.call("POST", "/__emulator/cph-members", {
          body: { image_id: phone, member_id: "c0c0" + "0".repeat(27) + "1" },
        })
      ).status,
    ).toBe(204);
    expect(emu.emu.world.cphMembers.get(phone)?.size).toBe(1);
    expect(
      (await emu.call("POST", "/__emulator/cph-members", { body: { image_id: "nope", member_id: "c".repeat(32) } }))
        .status,
    ).toBe(404);
  });
});

describe("state file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "emu-state-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps tokens, members, options and the clock across a restart, via an atomic rename", async () => {
    const path = join(dir, "state.json");
    const first = wrapEmulator(createEmulator({ statePath: path, config: { jobTiming: JOB_SPEEDS.instant } }));
    const a = first;
    const token = await a.login("alice");
    const job = await a.call("POST", "/v1/cloudimages/members", {
      token,
      body: { images: ["1b7f0000-0000-4000-8000-000000000001"], projects: [DEMO.globexAp] },
    });
    expect(job.status).toBe(200);
    await a.call("PUT", "/__emulator/config", { body: { memberLimit: 100 } });
    await a.call("POST", "/__emulator/clock", { body: { advanceMs: 3_600_000 } });
    first.close();
    expect(readdirSync(dir)).toEqual(["state.json"]);
    expect(JSON.parse(readFileSync(path, "utf8")).version).toBe(1);

    const second = wrapEmulator(createEmulator({ statePath: path }));
    const members = await second.call("GET", `/v2/images/1b7f0000-0000-4000-8000-000000000001/members`, { token });
    expect(members.status).toBe(200);
    expect(members.body.members.map((m: { member_id: string }) => m.member_id)).toEqual([DEMO.globexAp]);
    expect(second.emu.config.memberLimit).toBe(100);
    expect(second.emu.clock.offset).toBeGreaterThan(3_590_000);
    second.close();
  });

  it("refuses a file that is not a state file instead of starting empty", () => {
    const path = join(dir, "state.json");
    writeFileSync(path, '{"hello":1}');
    expect(() => createEmulator({ statePath: path })).toThrow(/not an emulator state file/);
    expect(existsSync(path)).toBe(true);
  });
});
