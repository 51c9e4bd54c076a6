import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO, DEMO_KEYS } from "../seed/demo";
import { testEmulator, type TestEmulator } from "../testing";

const path = (ak: string) => `/v3.0/OS-CREDENTIAL/credentials/${ak}`;

describe("IAM's GET /v3.0/OS-CREDENTIAL/credentials/{access_key}", () => {
  let t: TestEmulator;
  beforeEach(() => {
    t = testEmulator();
  });
  afterEach(() => t.close());
  const signed = (key: { ak: string; sk: string }, headers: Record<string, string> = { "X-Domain-Id": DEMO.acme }) => ({
    sign: key,
    headers,
  });

  it("shows a user their own key, signed with it or with their token, in ShowPermanentAccessKey's format", async () => {
    const res = await t.call("GET", path(DEMO_KEYS.alice.ak), signed(DEMO_KEYS.alice));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      credential: {
        user_id: DEMO.alice,
        access: DEMO_KEYS.alice.ak,
        status: "active",
        create_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
        description: "",
      },
    });
    const byProject = await t.call(
      "GET",
      path(DEMO_KEYS.alice.ak),
      signed(DEMO_KEYS.alice, { "X-Project-Id": DEMO.acmeAp }),
    );
    expect(byProject.body).toEqual(res.body);
    const byToken = await t.call("GET", path(DEMO_KEYS.alice.ak), { token: await t.login("alice") });
    expect(byToken.body).toEqual(res.body);
  });

  it("refuses another user's key of the account 403, and another account's or nobody's key the same 404", async () => {
    const audreys = await t.call("GET", path(DEMO_KEYS.audrey.ak), signed(DEMO_KEYS.alice));
    expect(audreys.status).toBe(403);
    const bobs = await t.call("GET", path(DEMO_KEYS.bob.ak), signed(DEMO_KEYS.alice));
    const nobodys = await t.call("GET", path("NOBODY0HAS0THIS0KEY0"), signed(DEMO_KEYS.alice));
    expect(bobs.status).toBe(404);
    expect(nobodys.status).toBe(404);
    expect(bobs.body.error).toMatchObject({ code: 404, title: "Not Found" });
  });

  it("refuses a wrong secret key as the gateway does, and a project of another account as IAM does", async () => {
    const wrong = await t.call("GET", path(DEMO_KEYS.alice.ak), signed({ ...DEMO_KEYS.alice, sk: DEMO_KEYS.bob.sk }));
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error_code: "APIGW.0301" });
    const elsewhere = await t.call(
      "GET",
      path(DEMO_KEYS.alice.ak),
      signed(DEMO_KEYS.alice, { "X-Project-Id": DEMO.globexAp }),
    );
    expect(elsewhere.status).toBe(401);
  });
});
