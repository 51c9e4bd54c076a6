import { afterEach, describe, expect, it } from "vitest";
import { aliceEnv, IMAGE, runConformanceCli, serveEmulator, verdicts, type Served } from "./test-helpers";

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

const WRITE = /^(POST|PUT|DELETE) /;

describe("npm run conformance without a sandbox image, second project or recipient", () => {
  it("writes nothing: D3, D5 and D8 are not tried, the only POSTs are sign-ins", async () => {
    served = await serveEmulator({ disputed: "B" });
    const run = await runConformanceCli(aliceEnv(served.url, false));
    expect(run.code).toBe(0);
    const found = verdicts(run.out);
    for (const row of ["D3", "D5", "D8"]) expect(found[row]).toBe("not tried");
    expect(run.out[2]).toBe(
      "D3 recipient-member-read: not tried (no sandbox image and no second project given; nothing is written)",
    );
    // The reads still tell the other rows; D1 has no trace to look at in a fresh world.
    expect(found).toMatchObject({ D2: "reading B", D4: "reading B", D7: "reading B", D1: "unclear" });
    const writes = Object.keys(served.emulator.stats.snapshot().routes).filter((route) => WRITE.test(route));
    expect(writes).toEqual(["POST /v3/auth/tokens"]);
    expect(served.emulator.emu.world.members.get(IMAGE)?.size ?? 0).toBe(0);
    expect(run.out.at(-1)).toMatch(/^summary: (\d reading [AB], )+1 unclear, 3 not tried; transcript: /);
  });

  it("reads D1 from the traces of the last 7 days, here a CPH share made a day earlier", async () => {
    served = await serveEmulator({ disputed: "B" });
    const alice = await served.emulator.app.request("/v3/auth/tokens", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { name: "alice", password: "alice-demo-2026", domain: { name: "acme" } } },
          },
          scope: { project: { name: "ap-southeast-1", domain: { name: "acme" } } },
        },
      }),
    });
    const token = alice.headers.get("x-subject-token") ?? "";
    const shared = await served.emulator.app.request(
      "/v1/ac0e00000000000000000000000000a1/cloud-phone/images/ac0e0000000000000000000000c9a002/members",
      {
        method: "POST",
        headers: { "X-Auth-Token": token, "Content-Type": "application/json" },
        body: JSON.stringify({ member: "610be0000000000000000000000000a1" }),
      },
    );
    expect(shared.status).toBe(200);
    // A day old when the conformance runs: out of CTS's default hour, inside the 7 days asked for.
    for (const trace of served.emulator.emu.world.traces.get("ac0e00000000000000000000000000a1") ?? [])
      trace.time -= 24 * 3600_000;
    const run = await runConformanceCli(aliceEnv(served.url, false));
    expect(run.out[0]).toMatch(
      /^D1 cts-trace-types: reading B \(code is a number, request\/response are objects, null fields: .+ in 1 trace\)$/,
    );
  });
});
