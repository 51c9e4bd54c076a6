import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { DISPUTED, describeDisputed, disputedProfile, type DisputedKey, type Reading } from "./core/config";
import { acmeImageId, DEMO } from "./seed/demo";
import { testEmulator, type TestEmulator } from "./testing";

/** Section 14 of cloud-api.md as a whole: switching every row at run time and from the command line. */

const UBUNTU = acmeImageId(1);
const DEBIAN = acmeImageId(2);
const FROM_CBR = acmeImageId(5);
const CPH_GAME = "ac0e0000000000000000000000c9a001";
const CPH_AT_LIMIT = "ac0e0000000000000000000000c9a003";

/** One call per row whose answer tells which reading the emulator plays; none of them changes what the next one sees. */
async function probes(t: TestEmulator) {
  const [alice, carol] = await Promise.all([t.login("alice"), t.login("carol")]);
  await t.call("POST", `/v2/images/${UBUNTU}/members`, { token: alice, body: { member: DEMO.globexAp } });
  const get = (path: string, token = alice) => t.call("GET", path, { token });
  const pick = (b: boolean): Reading => (b ? "B" : "A");
  const rows: Record<DisputedKey, () => Promise<Reading>> = {
    ctsTraceTypes: async () =>
      pick(typeof (await get(`/v3/${DEMO.acmeAp}/traces?trace_type=system`)).body.traces[0].code === "number"),
    nullOptionalFields: async () =>
      pick((await get(`/v1/${DEMO.acmeAp}/cloudimages/${DEBIAN}/members`)).body.page_info.next_marker === null),
    recipientMemberRead: async () =>
      pick((await get(`/v1/${DEMO.initechAp}/cloudimages/${DEBIAN}/members`, carol)).status === 403),
    wholeImageAttribute: async () => pick(!("__whole_image" in (await get(`/v2/images/${FROM_CBR}`)).body)),
    batchEmptyArrays: async () => {
      const body = { images: [DEBIAN], projects: [DEMO.umbrellaAp], domains: [] };
      return pick((await t.call("DELETE", "/v1/cloudimages/members", { token: alice, body })).status === 400);
    },
    cphMemberPaging: async () =>
      pick((await get(`/v1/${DEMO.acmeAp}/cloud-phone/images/${CPH_AT_LIMIT}/members?limit=1`)).status === 400),
    tokenRescope: async () => {
      const body = {
        auth: { identity: { methods: ["token"], token: { id: alice } }, scope: { project: { id: DEMO.acmeCn } } },
      };
      return pick((await t.call("POST", "/v3/auth/tokens", { body })).status === 403);
    },
    cphErrorStatus: async () => {
      const body = { member: DEMO.globexAp };
      return pick(
        (await t.call("POST", `/v1/${DEMO.acmeAp}/cloud-phone/images/${CPH_GAME}/members`, { token: alice, body }))
          .status === 409,
      );
    },
  };
  return async () => {
    const seen: Partial<Record<DisputedKey, Reading>> = {};
    for (const [, key] of DISPUTED) seen[key] = await rows[key]();
    return seen;
  };
}

describe("disputed behaviours, all rows", () => {
  it('PUT /__emulator/config {"disputed":"B"} switches all eight at once, {"disputed":"A"} back, and one row alone', async () => {
    const t = testEmulator();
    const observe = await probes(t);
    const put = (patch: unknown) => t.call("PUT", "/__emulator/config", { body: patch });
    expect(await observe()).toEqual(disputedProfile("A"));

    expect((await put({ disputed: "B" })).status).toBe(200);
    expect(await observe()).toEqual(disputedProfile("B"));
    const shown = (await t.call("GET", "/__emulator/config")).body.disputed;
    expect(shown).toEqual({ ...disputedProfile("B"), recipientMemberReadStatus: 403, tokenRescopeStatus: 403 });

    await put({ disputed: "A" });
    expect(await observe()).toEqual(disputedProfile("A"));
    await put({ disputed: { tokenRescope: "B" } });
    expect(await observe()).toEqual({ ...disputedProfile("A"), tokenRescope: "B" });
  });

  it('testEmulator({disputed:"B"}) starts with every row in reading B', async () => {
    expect(await (await probes(testEmulator({ disputed: "B" })))()).toEqual(disputedProfile("B"));
  });

  it("names the readings for the start line", () => {
    expect(describeDisputed({ ...disputedProfile("A"), recipientMemberReadStatus: 403, tokenRescopeStatus: 403 })).toBe(
      "reading A",
    );
    const one = {
      ...disputedProfile("A"),
      tokenRescope: "B" as const,
      recipientMemberReadStatus: 403 as const,
      tokenRescopeStatus: 403 as const,
    };
    expect(describeDisputed(one)).toBe("reading A except D7 token-rescope B");
    expect(describeDisputed({ ...one, ...disputedProfile("B"), cphErrorStatus: "A" })).toBe(
      "reading B except D8 cph-error-status A",
    );
  });
});

describe("npm run emulator -- --disputed", () => {
  /** Starts the CLI on a free port, returns its start line and its `/__emulator/config`, then stops it. */
  async function start(args: string[]) {
    const child = spawn("node_modules/.bin/tsx", ["emulator/main.ts", "--port", "0", "--quiet", ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const exited = once(child, "exit").then(([code]) => Promise.reject(new Error(`emulator exited with ${code}`)));
      const [line] = (await Promise.race([once(createInterface({ input: child.stdout }), "line"), exited])) as [string];
      const port = /127\.0\.0\.1:(\d+) /.exec(line)?.[1];
      const config = await (await fetch(`http://127.0.0.1:${port}/__emulator/config`)).json();
      return { line, disputed: config.disputed };
    } finally {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
    }
  }

  it("--disputed B plays every row as B and says so; --config can set one row", { timeout: 30_000 }, async () => {
    const all = await start(["--disputed", "B"]);
    expect(all.line).toMatch(/disputed behaviours \(section 14\): reading B$/);
    expect(all.disputed).toMatchObject(disputedProfile("B"));
    const one = await start(["--config", '{"disputed":{"tokenRescope":"B"}}']);
    expect(one.line).toMatch(/reading A except D7 token-rescope B$/);
    expect(one.disputed).toMatchObject({ ...disputedProfile("A"), tokenRescope: "B" });
  });
});
