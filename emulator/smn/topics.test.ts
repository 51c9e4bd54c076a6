import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { smnTopic } from "../seed/builders";
import { DEMO, DEMO_KEYS, DEMO_TOPICS } from "../seed/demo";
import { testEmulator, type TestEmulator } from "../testing";

const TOPICS = `/v2/${DEMO.acmeAp}/notifications/topics`;

describe("SMN ListTopics and ListTopicDetails", () => {
  let t: TestEmulator;
  let alice: string;
  beforeEach(async () => {
    t = testEmulator();
    alice = await t.login("alice");
  });
  afterEach(() => t.close());

  /** Adds `n` topics `bulk-01`… to acme ap-southeast-1, each a minute newer than the last. */
  function addTopics(n: number) {
    const project = t.emu.world.projects.get(DEMO.acmeAp)!;
    for (let i = 1; i <= n; i++) {
      const name = `bulk-${String(i).padStart(2, "0")}`;
      const topic = smnTopic(
        project,
        name,
        `Bulk ${i}`,
        i.toString(16).padStart(32, "b"),
        t.emu.clock.now() + i * 60_000,
      );
      t.emu.world.smnTopics.set(topic.urn, topic);
    }
  }

  it("lists the project's seeded topics, newest first, in ListTopicsResponse's shape", async () => {
    const res = await t.call("GET", TOPICS, { token: alice });
    expect(res.status).toBe(200);
    expect(res.body.request_id).toBe(res.headers.get("x-request-id"));
    expect(res.body.topic_count).toBe(2);
    expect(res.body.topics.map((x: { name: string }) => x.name)).toEqual(["ops-oncall", "imshare-alerts"]);
    expect(res.body.topics[1]).toEqual({
      topic_urn: DEMO_TOPICS.imshareAlerts,
      name: "imshare-alerts",
      display_name: "Imshare alerts",
      push_policy: 0,
      enterprise_project_id: "0",
      topic_id: "ac0e0000000000000000000000005a01",
      create_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      update_time: expect.stringMatching(/Z$/),
    });
  });

  it("pages with offset and limit, counting every match whatever the page", async () => {
    addTopics(12);
    const page = (q: string) => t.call("GET", `${TOPICS}?${q}`, { token: alice });
    const first = await page("limit=5");
    expect(first.body.topic_count).toBe(14);
    expect(first.body.topics.map((x: { name: string }) => x.name)).toEqual([
      "bulk-12",
      "bulk-11",
      "bulk-10",
      "bulk-09",
      "bulk-08",
    ]);
    const last = await page("offset=10&limit=5");
    expect(last.body.topics.map((x: { name: string }) => x.name)).toEqual([
      "bulk-02",
      "bulk-01",
      "ops-oncall",
      "imshare-alerts",
    ]);
    expect((await page("offset=20")).body).toMatchObject({ topic_count: 14, topics: [] });
    expect((await page("")).body.topics).toHaveLength(14);
  });

  it("refuses a limit outside 1 to 100 or a bad offset with 400 SMN.0015", async () => {
    for (const q of ["limit=0", "limit=101", "limit=ten", "offset=-1", "offset=1.5"]) {
      const res = await t.call("GET", `${TOPICS}?${q}`, { token: alice });
      expect(res.status, q).toBe(400);
      expect(res.body).toEqual({
        request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        code: "SMN.0015",
        message: "Parameter: Offset or limit is invalid.",
      });
    }
  });

  it("filters by whole name, part of a name or display name, and topic id", async () => {
    const names = async (q: string) =>
      (await t.call("GET", `${TOPICS}?${q}`, { token: alice })).body.topics.map((x: { name: string }) => x.name);
    expect(await names("name=imshare-alerts")).toEqual(["imshare-alerts"]);
    expect(await names("name=imshare")).toEqual([]);
    expect(await names("fuzzy_name=on")).toEqual(["ops-oncall"]);
    expect(await names("fuzzy_display_name=Imshare")).toEqual(["imshare-alerts"]);
    expect(await names("topic_id=ac0e0000000000000000000000005a02")).toEqual(["ops-oncall"]);
    expect(await names("enterprise_project_id=0&name=ops-oncall")).toEqual(["ops-oncall"]);
    const counted = await t.call("GET", `${TOPICS}?fuzzy_name=alerts`, { token: alice });
    expect(counted.body.topic_count).toBe(1);
  });

  it("shows each account only its own project's topics", async () => {
    const bob = await t.login("bob");
    const res = await t.call("GET", `/v2/${DEMO.globexAp}/notifications/topics`, { token: bob });
    expect(res.body.topics.map((x: { topic_urn: string }) => x.topic_urn)).toEqual([DEMO_TOPICS.globexAlerts]);
    const cn = await t.login("alice", "cn-north-4");
    expect((await t.call("GET", `/v2/${DEMO.acmeCn}/notifications/topics`, { token: cn })).body.topics).toEqual([]);
  });

  it("refuses another project in the path with 403 SMN.0001 and no token with the gateway's 401", async () => {
    const other = await t.call("GET", `/v2/${DEMO.globexAp}/notifications/topics`, { token: alice });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe("SMN.0001");
    const none = await t.call("GET", TOPICS);
    expect(none.status).toBe(401);
    expect(none.body.error_code).toBe("APIGW.0301");
  });

  it("lets read-only audrey list, and lists with an AK/SK signature", async () => {
    const audrey = await t.login("audrey");
    expect((await t.call("GET", TOPICS, { token: audrey })).body.topic_count).toBe(2);
    const signed = await t.call("GET", `${TOPICS}?limit=1`, {
      sign: DEMO_KEYS.alice,
      headers: { "X-Project-Id": DEMO.acmeAp },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.topics.map((x: { name: string }) => x.name)).toEqual(["ops-oncall"]);
  });

  it("shows one topic by URN (ListTopicDetails), and says SMN.0006 or SMN.0005 otherwise", async () => {
    const res = await t.call("GET", `${TOPICS}/${DEMO_TOPICS.imshareAlerts}`, { token: alice });
    expect(res.body).toMatchObject({ topic_urn: DEMO_TOPICS.imshareAlerts, display_name: "Imshare alerts" });
    const encoded = await t.call("GET", `${TOPICS}/${encodeURIComponent(DEMO_TOPICS.opsOncall)}`, { token: alice });
    expect(encoded.body.name).toBe("ops-oncall");
    const foreign = await t.call("GET", `${TOPICS}/${DEMO_TOPICS.globexAlerts}`, { token: alice });
    expect([foreign.status, foreign.body.code, foreign.body.message]).toEqual([404, "SMN.0006", "Topic not found."]);
    const malformed = await t.call("GET", `${TOPICS}/not-a-urn`, { token: alice });
    expect([malformed.status, malformed.body.code]).toEqual([400, "SMN.0005"]);
  });
});
