import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO, DEMO_KEYS, DEMO_TOPICS } from "../seed/demo";
import { testEmulator, type TestEmulator } from "../testing";

const publishPath = (urn: string, project: string = DEMO.acmeAp) =>
  `/v2/${project}/notifications/topics/${urn}/publish`;
const ALERTS = publishPath(DEMO_TOPICS.imshareAlerts);

describe("SMN PublishMessage", () => {
  let t: TestEmulator;
  let alice: string;
  beforeEach(async () => {
    t = testEmulator();
    alice = await t.login("alice");
  });
  afterEach(() => t.close());

  const messages = async (query = "") => (await t.call("GET", `/__emulator/smn/messages${query}`)).body.messages;

  it("accepts a message, answers its id, and records it for the control", async () => {
    const before = t.emu.clock.now();
    const res = await t.call("POST", ALERTS, { token: alice, body: { subject: "Shared", message: "ubuntu → globex" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      request_id: res.headers.get("x-request-id"),
      message_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(await messages()).toEqual([
      {
        message_id: res.body.message_id,
        topic_urn: DEMO_TOPICS.imshareAlerts,
        project_id: DEMO.acmeAp,
        user_id: DEMO.alice,
        subject: "Shared",
        message: "ubuntu → globex",
        published_at: expect.any(Number),
      },
    ]);
    const [{ published_at }] = await messages();
    expect(published_at).toBeGreaterThanOrEqual(before);
    expect(published_at).toBeLessThanOrEqual(t.emu.clock.now());
  });

  it("lists messages newest last, by topic on request, and forgets them on DELETE", async () => {
    await t.call("POST", ALERTS, { token: alice, body: { message: "one" } });
    await t.call("POST", publishPath(DEMO_TOPICS.opsOncall), { token: alice, body: { message: "two" } });
    await t.call("POST", ALERTS, { token: alice, body: { message: "three" } });
    expect((await messages()).map((m: { message: string }) => m.message)).toEqual(["one", "two", "three"]);
    const alerts = await messages(`?topic_urn=${encodeURIComponent(DEMO_TOPICS.imshareAlerts)}`);
    expect(alerts.map((m: { message: string }) => m.message)).toEqual(["one", "three"]);
    expect((await t.call("DELETE", "/__emulator/smn/messages")).status).toBe(204);
    expect(await messages()).toEqual([]);
  });

  it("takes message_structure before message_template_name before message", async () => {
    const structure = JSON.stringify({ default: "plain", email: "for mail" });
    await t.call("POST", ALERTS, { token: alice, body: { message_structure: structure, message: 7 } });
    await t.call("POST", ALERTS, { token: alice, body: { message_template_name: "share_done", tags: { a: "b" } } });
    const [first, second] = await messages();
    expect(first).toMatchObject({ message_structure: structure });
    expect(first.message).toBeUndefined();
    expect(second).toMatchObject({ message_template_name: "share_done" });
    const bad = await t.call("POST", ALERTS, { token: alice, body: { message_structure: '{"email":"x"}' } });
    expect([bad.status, bad.body.code]).toEqual([400, "SMN.0021"]);
  });

  it("refuses no message, a blank or oversized one and a long subject, 403 as SMN's table says", async () => {
    const bodies: [unknown, string][] = [
      [{ subject: "only a subject" }, "SMN.0009"],
      [{ message: "" }, "SMN.0009"],
      [{ message: "   " }, "SMN.0009"],
      [{ message: "x".repeat(256 * 1024 + 1) }, "SMN.0009"],
      [[], "SMN.0009"],
      [{ message: "ok", subject: "é".repeat(257) }, "SMN.0008"],
      [{ message: "ok", subject: 12 }, "SMN.0008"],
    ];
    for (const [body, code] of bodies) {
      const res = await t.call("POST", ALERTS, { token: alice, body });
      expect([res.status, res.body.code], JSON.stringify(body).slice(0, 60)).toEqual([403, code]);
    }
    const empty = await t.call("POST", ALERTS, { token: alice });
    expect(empty.body).toEqual({
      request_id: expect.any(String),
      code: "SMN.0009",
      message: "Parameter: Message is invalid.",
    });
    const fits = await t.call("POST", ALERTS, { token: alice, body: { message: "ok", subject: "é".repeat(256) } });
    expect(fits.status).toBe(200);
    t.emu.config.smn.invalidParameterStatus = 400;
    expect((await t.call("POST", ALERTS, { token: alice, body: {} })).status).toBe(400);
    expect(await messages()).toHaveLength(1);
  });

  it("says SMN.0006 for an unknown topic and for a topic of another project, SMN.0005 for a malformed URN", async () => {
    const unknown = await t.call("POST", publishPath(`urn:smn:ap-southeast-1:${DEMO.acmeAp}:nope`), {
      token: alice,
      body: { message: "x" },
    });
    expect([unknown.status, unknown.body]).toEqual([
      404,
      { request_id: expect.any(String), code: "SMN.0006", message: "Topic not found." },
    ]);
    const foreign = await t.call("POST", publishPath(DEMO_TOPICS.globexAlerts), {
      token: alice,
      body: { message: "x" },
    });
    expect([foreign.status, foreign.body.code]).toEqual([404, "SMN.0006"]);
    const malformed = await t.call("POST", publishPath("imshare-alerts"), { token: alice, body: { message: "x" } });
    expect([malformed.status, malformed.body.code]).toEqual([400, "SMN.0005"]);
    expect(await messages()).toEqual([]);
  });

  it("refuses a path project that is not the token's, even with the topic's own project", async () => {
    const res = await t.call("POST", publishPath(DEMO_TOPICS.globexAlerts, DEMO.globexAp), {
      token: alice,
      body: { message: "x" },
    });
    expect([res.status, res.body.code]).toEqual([403, "SMN.0001"]);
    expect(await messages()).toEqual([]);
  });

  it("refuses read-only audrey with 403 SMN.0001, by token and by her AK/SK pair", async () => {
    const audrey = await t.login("audrey");
    const res = await t.call("POST", ALERTS, { token: audrey, body: { message: "x" } });
    expect([res.status, res.body.code, res.body.message]).toEqual([
      403,
      "SMN.0001",
      "No permission to request resources.",
    ]);
    const signed = await t.call("POST", ALERTS, {
      body: { message: "x" },
      sign: DEMO_KEYS.audrey,
      headers: { "X-Project-Id": DEMO.acmeAp },
    });
    expect([signed.status, signed.body.code]).toEqual([403, "SMN.0001"]);
    expect(await messages()).toEqual([]);
  });

  it("publishes with alice's AK/SK signature (the URN's colons signed as the SDK encodes them)", async () => {
    const headers = { "X-Project-Id": DEMO.acmeAp, "Content-Type": "application/json;charset=UTF-8" };
    const res = await t.call("POST", ALERTS, { body: { message: "signed" }, sign: DEMO_KEYS.alice, headers });
    expect(res.status).toBe(200);
    const wrong = await t.call("POST", ALERTS, {
      body: { message: "signed" },
      sign: { ...DEMO_KEYS.alice, sk: DEMO_KEYS.bob.sk },
      headers,
    });
    expect([wrong.status, wrong.body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(await messages()).toEqual([expect.objectContaining({ message: "signed", user_id: DEMO.alice })]);
  });

  it("answers injected faults in SMN's shape, records a publish whose answer is lost, and counts calls", async () => {
    const fault = { path: "/v2/*/notifications/topics/*/publish", status: 500, after: true, times: 1 };
    await t.call("POST", "/__emulator/faults/routes", { body: fault });
    const lost = await t.call("POST", ALERTS, { token: alice, body: { message: "lost answer" } });
    expect([lost.status, lost.body.code]).toEqual([500, "SMN.0018"]);
    expect(lost.body.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(await messages()).toHaveLength(1);
    await t.call("POST", "/__emulator/faults/routes", {
      body: { path: "/v2/*/notifications/**", status: 503, times: 1 },
    });
    expect((await t.call("GET", `/v2/${DEMO.acmeAp}/notifications/topics`, { token: alice })).body.code).toBe(
      "SMN.0018",
    );
    const { routes } = (await t.call("GET", "/__emulator/stats")).body;
    expect(routes["POST /v2/{id}/notifications/topics/{urn}/publish"]).toBe(1);
    expect(routes["GET /v2/{id}/notifications/topics"]).toBe(1);
  });

  it("keeps the topics through --state and empties the record on reset", async () => {
    await t.call("POST", ALERTS, { token: alice, body: { message: "kept" } });
    const data = t.emu.world.toData();
    expect(data.smnTopics).toHaveLength(3);
    expect(data.smnMessages).toHaveLength(1);
    await t.call("POST", "/__emulator/reset");
    expect(await messages()).toEqual([]);
    expect(t.emu.world.smnTopics.size).toBe(3);
  });
});
