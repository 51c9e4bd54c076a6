import { describe, expect, it } from "vitest";
import type { ConfigPatch } from "../core/config";
import { acmeImageId, DEMO } from "../seed/demo";
import { testEmulator } from "../testing";

/** Section 14 of cloud-api.md, row D1 (trace field types) on CTS. */

const UBUNTU = acmeImageId(1);
const ENCRYPTED = acmeImageId(3);

/** Shares one image (200) and fails to share an encrypted one (400), then reads the two traces, newest first. */
async function traces(config: ConfigPatch = {}) {
  const t = testEmulator(config);
  const alice = await t.login("alice");
  await t.call("POST", `/v2/images/${UBUNTU}/members`, { token: alice, body: { member: DEMO.globexAp } });
  await t.call("POST", `/v2/images/${ENCRYPTED}/members`, { token: alice, body: { member: DEMO.globexAp } });
  const res = await t.call("GET", `/v3/${DEMO.acmeAp}/traces?trace_type=system`, { token: alice });
  expect(res.status).toBe(200);
  expect(res.body.traces).toHaveLength(2);
  const [failed, ok] = res.body.traces;
  return { failed, ok };
}

describe("D1 cts-trace-types", () => {
  it("A: code, request and response are strings; absent fields are omitted", async () => {
    const { failed, ok } = await traces();
    expect(ok).toMatchObject({ code: "200", message: "", request: JSON.stringify({ member: DEMO.globexAp }) });
    expect(JSON.parse(ok.response)).toMatchObject({ member_id: DEMO.globexAp, status: "pending" });
    expect(failed.code).toBe("400");
    expect(JSON.parse(failed.response)).toEqual({ error: { code: "IMG.0098", message: expect.any(String) } });
    expect(ok).not.toHaveProperty("location_info");
    expect(ok.user).not.toHaveProperty("access_key_id");
  });

  it("B: code is a number, request and response are JSON objects, absent optional fields are null", async () => {
    const { failed, ok } = await traces({ disputed: { ctsTraceTypes: "B" } });
    expect(ok).toMatchObject({ code: 200, message: null, request: { member: DEMO.globexAp } });
    expect(ok.response).toMatchObject({ member_id: DEMO.globexAp, status: "pending" });
    expect(failed).toMatchObject({ code: 400, message: "request failed", response: { error: { code: "IMG.0098" } } });
    for (const key of [
      "location_info",
      "endpoint",
      "resource_url",
      "enterprise_project_id",
      "resource_account_id",
      "operation_id",
    ]) {
      expect(ok[key], key).toBeNull();
    }
    expect(ok.user).toMatchObject({
      name: "alice",
      access_key_id: null,
      principal_urn: null,
      principal_id: null,
      session_context: null,
    });
  });
});
