import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, DEMO_TOPICS } from "./seed/demo";
import { testEmulator, type TestEmulator } from "./testing";

const IMAGE = "1b7f0000-0000-4000-8000-000000000002";
const ROUTES: [string, string][] = [
  ["POST", "/v3/auth/tokens"],
  ["GET", "/v2/cloudimages"],
  ["GET", "/v2/images"],
  ["GET", `/v2/images/${IMAGE}`],
  ["GET", "/v1/cloudimages/quota"],
  ["GET", `/v2/images/${IMAGE}/members`],
  ["POST", `/v2/images/${IMAGE}/members`],
  ["PUT", `/v2/images/${IMAGE}/members/${DEMO.globexAp}`],
  ["DELETE", `/v2/images/${IMAGE}/members/${"f".repeat(32)}`],
  ["GET", `/v1/${DEMO.acmeAp}/cloudimages/${IMAGE}/members`],
  ["POST", "/v1/cloudimages/members"],
  ["PUT", "/v1/cloudimages/members"],
  ["DELETE", "/v1/cloudimages/members"],
  ["GET", `/v1/${DEMO.acmeAp}/jobs/${"a".repeat(32)}`],
  ["GET", `/v1/cloudimages/job/${"a".repeat(32)}`],
  ["GET", `/v1/${DEMO.acmeAp}/cloud-phone/images`],
  ["POST", `/v1/${DEMO.acmeAp}/cloud-phone/images/ac0e0000000000000000000000c9a002/members`],
  ["PUT", `/v1/${DEMO.acmeAp}/cloud-phone/images/610be000000000000000000000c9a001/members`],
  ["DELETE", `/v1/${DEMO.acmeAp}/cloud-phone/images/ac0e0000000000000000000000c9a001/members/${DEMO.globexAp}`],
  ["GET", `/v3/${DEMO.acmeAp}/traces`],
  ["GET", `/v3/${DEMO.acmeAp}/vaults`],
  ["GET", `/v2/${DEMO.acmeAp}/notifications/topics`],
  ["GET", `/v2/${DEMO.acmeAp}/notifications/topics/${DEMO_TOPICS.imshareAlerts}`],
  ["POST", `/v2/${DEMO.acmeAp}/notifications/topics/${DEMO_TOPICS.imshareAlerts}/publish`],
  ["POST", `/v2/${DEMO.acmeAp}/notifications/topics/urn:smn:x:%00:..%2F/publish`],
];

/** Hostile and malformed input on every route: the cloud's 4xx error each time, never a 5xx. */
const BODIES: (string | undefined)[] = [
  undefined,
  "",
  "{",
  "null",
  "[]",
  '"string"',
  "12345678901234567890",
  '{"images":"not-a-list","projects":{"a":1},"member":[],"status":7,"auth":"x"}',
  '{"images":[null,1,{}],"projects":[true],"domains":[[]],"organizations":["organizations::x"],"project_id":{},"status":"accepted"}',
  `{"images":["../../etc/passwd"],"projects":["<script>alert(1)</script>"],"member":"\u202e${"a".repeat(30)}"}`,
  JSON.stringify({ images: ["1b7f0000-0000-4000-8000-000000000002".repeat(1000)], member: "x".repeat(200_000) }),
  JSON.stringify({
    __proto__: { polluted: true },
    constructor: { prototype: { polluted: true } },
    images: [IMAGE],
    projects: ["not-a-project"],
  }),
];
const QUERIES = [
  "",
  "?limit=-1",
  "?limit=abc&marker=%00%ff",
  "?marker=../../x&sort_key=__proto__",
  "?from=1e400&to=NaN&trace_type=system",
  `?name=${"%F0%9F%92%A9".repeat(500)}`,
];

describe("bad input", () => {
  let emu: TestEmulator;
  let alice: string;
  beforeAll(async () => {
    emu = testEmulator();
    alice = await emu.login("alice");
  });

  it("never answers 5xx, whatever the body, query or token", async ({ task }) => {
    const failures: string[] = [];
    let tried = 0;
    for (const [method, path] of ROUTES) {
      for (const token of [alice, undefined, "MII" + "x".repeat(5000)]) {
        for (const body of method === "GET" ? [undefined] : BODIES) {
          for (const query of method === "GET" ? QUERIES : [""]) {
            const res = await emu.call(method, path + query, {
              token,
              rawBody: body,
              headers: { "Content-Type": "application/json" },
            });
            tried++;
            if (res.status >= 500)
              failures.push(`${method} ${path}${query} ${String(body).slice(0, 40)} → ${res.status}`);
            if (res.status !== 204 && typeof res.body !== "object")
              failures.push(`${method} ${path}${query} answered non-JSON`);
          }
        }
      }
    }
    // How many hostile requests were tried, for RELIABILITY.md (scripts/reliability.mjs).
    (task.meta as { tried?: number }).tried = tried;
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("leaves the demo world as it was after all of that", async () => {
    expect([...(emu.emu.world.members.get(IMAGE)?.keys() ?? [])].sort()).toEqual(
      [DEMO.globexAp, DEMO.initechAp].sort(),
    );
    expect(emu.emu.world.cphMembers.get("ac0e0000000000000000000000c9a002")?.size ?? 0).toBe(0);
  });
});
