import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IMS_MESSAGES } from "./core/errors";
import { acmeImageId, DEMO, DEMO_KEYS } from "./seed/demo";
import { signLikeSdk } from "./sdk-signer";
import { testEmulator, type CallOptions, type TestEmulator } from "./testing";

const UBUNTU = acmeImageId(1);
const MINUTE = 60_000;
const SHARE = { images: [UBUNTU], projects: [DEMO.globexAp] };
const LIST = `/v2/cloudimages?owner=${DEMO.acmeAp}&limit=2&sort_key=name&name=${encodeURIComponent("app-01")}`;

let t: TestEmulator;
beforeEach(() => {
  t = testEmulator();
});
afterEach(() => t.close());

const asAlice = (extra: CallOptions = {}): CallOptions => ({
  sign: DEMO_KEYS.alice,
  ...extra,
  headers: { "X-Project-Id": DEMO.acmeAp, ...extra.headers },
});

function expectGatewayRefusal(res: { status: number; body: any }, reason: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(401);
  expect(res.body).toEqual({
    error_code: "APIGW.0301",
    error_msg: expect.stringMatching(/^Incorrect IAM authentication information: /),
    request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
  });
  expect(res.body.error_msg).toMatch(reason);
}

describe("AK/SK signed requests", () => {
  it("serves a signed GET with a query as alice in the X-Project-Id project", async () => {
    const res = await t.call("GET", LIST, asAlice());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.images.map((i: { name: string }) => i.name)).toEqual(["app-01"]);
    const two = await t.call("GET", `/v2/cloudimages?owner=${DEMO.acmeAp}&limit=2`, asAlice());
    expect(two.body.images).toHaveLength(2);
    expect(two.body.images.every((i: { owner: string }) => i.owner === DEMO.acmeAp)).toBe(true);
  });

  it("serves a signed batch share with a JSON body, traced as alice", async () => {
    const res = await t.call("POST", "/v1/cloudimages/members", asAlice({ body: SHARE }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const job = await t.call("GET", `/v1/${DEMO.acmeAp}/jobs/${res.body.job_id}`, asAlice());
    expect(job.body).toMatchObject({ status: "SUCCESS" });
    expect(t.emu.world.membersOf(UBUNTU).get(DEMO.globexAp)).toMatchObject({ status: "pending" });
    expect(t.emu.world.tracesOf(DEMO.acmeAp).at(-1)).toMatchObject({ resource_id: UBUNTU, user: { name: "alice" } });
  });

  it("serves CPH, CTS and CBR reads signed by bob in globex", async () => {
    const bob = { sign: DEMO_KEYS.bob, headers: { "X-Project-Id": DEMO.globexAp } };
    const { globexAp } = DEMO;
    for (const path of [
      `/v1/${globexAp}/cloud-phone/images`,
      `/v3/${globexAp}/traces?trace_type=system&limit=5`,
      `/v3/${globexAp}/vaults`,
    ]) {
      const res = await t.call("GET", path, bob);
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200);
    }
  });

  it("refuses a tampered signature", async () => {
    const headers = signLikeSdk(DEMO_KEYS.alice, {
      method: "GET",
      path: LIST,
      headers: { "X-Project-Id": DEMO.acmeAp },
      date: t.emu.clock.now(),
    });
    headers.Authorization = headers.Authorization.replace(
      /Signature=(.)/,
      (_, c: string) => `Signature=${c === "0" ? "1" : "0"}`,
    );
    expectGatewayRefusal(await t.call("GET", LIST, { headers }), /verify aksk signature fail/);
  });

  it("refuses a body changed after signing", async () => {
    const signed = JSON.stringify(SHARE);
    const headers = signLikeSdk(DEMO_KEYS.alice, {
      method: "POST",
      path: "/v1/cloudimages/members",
      headers: { "X-Project-Id": DEMO.acmeAp, "Content-Type": "application/json;charset=UTF-8" },
      body: signed,
      date: t.emu.clock.now(),
    });
    const changed = JSON.stringify({ ...SHARE, projects: [DEMO.initechAp] });
    expectGatewayRefusal(
      await t.call("POST", "/v1/cloudimages/members", { headers, rawBody: changed }),
      /verify aksk signature fail/,
    );
    expect(t.emu.world.memberCount(UBUNTU)).toBe(0);
  });

  it("refuses a query changed after signing", async () => {
    const headers = signLikeSdk(DEMO_KEYS.alice, {
      method: "GET",
      path: LIST,
      headers: { "X-Project-Id": DEMO.acmeAp },
      date: t.emu.clock.now(),
    });
    expectGatewayRefusal(
      await t.call("GET", LIST.replace("limit=2", "limit=3"), { headers }),
      /verify aksk signature fail/,
    );
  });

  it("refuses an unknown AK, and a known AK with another SK", async () => {
    const unknown = await t.call(
      "GET",
      LIST,
      asAlice({ sign: { ak: "NOSUCHKEY00000000001", sk: DEMO_KEYS.alice.sk } }),
    );
    expectGatewayRefusal(unknown, /NOSUCHKEY00000000001/);
    const wrongSk = await t.call("GET", LIST, asAlice({ sign: { ak: DEMO_KEYS.alice.ak, sk: DEMO_KEYS.bob.sk } }));
    expectGatewayRefusal(wrongSk, /verify aksk signature fail/);
  });

  it("refuses an X-Sdk-Date more than 15 minutes from the emulator's clock, either way", async () => {
    const now = t.emu.clock.now();
    expect((await t.call("GET", LIST, asAlice({ sign: { ...DEMO_KEYS.alice, date: now - 14 * MINUTE } }))).status).toBe(
      200,
    );
    for (const date of [now - 16 * MINUTE, now + 16 * MINUTE]) {
      expectGatewayRefusal(
        await t.call("GET", LIST, asAlice({ sign: { ...DEMO_KEYS.alice, date } })),
        /signature expired/,
      );
    }
    t.emu.clock.advance(20 * MINUTE);
    expectGatewayRefusal(
      await t.call("GET", LIST, asAlice({ sign: { ...DEMO_KEYS.alice, date: now } })),
      /signature expired/,
    );
  });

  it("refuses a project of another account, and a missing X-Project-Id", async () => {
    const other = await t.call("GET", LIST, asAlice({ headers: { "X-Project-Id": DEMO.globexAp } }));
    expectGatewayRefusal(other, new RegExp(`project ${DEMO.globexAp}`));
    expectGatewayRefusal(await t.call("GET", LIST, { sign: DEMO_KEYS.alice }), /x-project-id not found/);
  });

  it("refuses a malformed Authorization and a missing or malformed X-Sdk-Date", async () => {
    const headers = signLikeSdk(DEMO_KEYS.alice, {
      method: "GET",
      path: LIST,
      headers: { "X-Project-Id": DEMO.acmeAp },
      date: t.emu.clock.now(),
    });
    const malformed = { ...headers, Authorization: headers.Authorization.replace("Access=", "Key=") };
    expectGatewayRefusal(await t.call("GET", LIST, { headers: malformed }), /Authorization/);
    const { "X-Sdk-Date": _date, ...undated } = headers;
    expectGatewayRefusal(await t.call("GET", LIST, { headers: undated }), /x-sdk-date not found/);
    expectGatewayRefusal(
      await t.call("GET", LIST, { headers: { ...headers, "X-Sdk-Date": "2026-12-06T21:00:00Z" } }),
      /YYYYMMDDTHHMMSSZ/,
    );
  });

  it("gives audrey's pair reads but refuses her a share with 403", async () => {
    const audrey = { sign: DEMO_KEYS.audrey, headers: { "X-Project-Id": DEMO.acmeAp } };
    expect((await t.call("GET", LIST, audrey)).status).toBe(200);
    const res = await t.call("POST", "/v1/cloudimages/members", { ...audrey, body: SHARE });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: "IMG.0026", message: IMS_MESSAGES["IMG.0026"] } });
    expect(t.emu.world.memberCount(UBUNTU)).toBe(0);
  });
});

describe("AK/SK on IAM", () => {
  it("lists the pair's account projects with X-Domain-Id (the SDK's global credentials)", async () => {
    const res = await t.call("GET", "/v3/auth/projects", {
      sign: DEMO_KEYS.bob,
      headers: { "X-Domain-Id": DEMO.globex },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.projects.map((p: { id: string }) => p.id).sort()).toEqual([DEMO.globexAp, DEMO.globexCn].sort());
    const other = await t.call("GET", "/v3/auth/projects", {
      sign: DEMO_KEYS.bob,
      headers: { "X-Domain-Id": DEMO.acme },
    });
    expect(other.status).toBe(401);
  });
});
