import { describe, expect, it } from "vitest";
import type { ConfigPatch } from "../core/config";
import { DEMO } from "../seed/demo";
import { testEmulator } from "../testing";

/** Section 14 of cloud-api.md, row D7 (token re-scoping) on IAM. */

async function setup(config: ConfigPatch = {}) {
  const t = testEmulator(config);
  const token = await t.login("alice");
  const rescope = (id = token) =>
    t.call("POST", "/v3/auth/tokens", {
      body: { auth: { identity: { methods: ["token"], token: { id } }, scope: { project: { id: DEMO.acmeCn } } } },
    });
  return { t, token, rescope };
}

describe("D7 token-rescope", () => {
  it("A: a password-issued token is re-scoped to another project of the account", async () => {
    const { rescope } = await setup();
    const res = await rescope();
    expect(res.status).toBe(201);
    expect(res.body.token).toMatchObject({ methods: ["token"], project: { id: DEMO.acmeCn } });
  });

  it("B: the token method answers 403 with a Keystone body and issues nothing; password sign-in still works", async () => {
    const { t, rescope } = await setup({ disputed: { tokenRescope: "B" } });
    const before = t.emu.world.tokens.size;
    const res = await rescope();
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: 403, title: "Forbidden", message: expect.stringMatching(/federated/) } });
    expect(res.headers.get("x-subject-token")).toBeNull();
    expect(t.emu.world.tokens.size).toBe(before);
    expect(await t.login("alice", "cn-north-4")).toEqual(expect.any(String));
    expect((await rescope("MIIforged")).status).toBe(401);
  });

  it("B with tokenRescopeStatus 401: the refusal is a Keystone 401", async () => {
    const { rescope } = await setup({ disputed: { tokenRescope: "B", tokenRescopeStatus: 401 } });
    const res = await rescope();
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 401, title: "Unauthorized" });
  });
});
