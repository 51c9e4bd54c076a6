import { afterEach, describe, expect, it } from "vitest";
import type { ConfigPatch } from "@/emulator/core/config";
import { ROWS } from "./rows";
import { aliceEnv, GLOBEX_AP, IMAGE, runConformanceCli, serveEmulator, verdicts, type Served } from "./test-helpers";

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

async function runWith(config: ConfigPatch, env?: (url: string) => Record<string, string>) {
  served = await serveEmulator(config);
  const run = await runConformanceCli(env ? env(served.url) : aliceEnv(served.url));
  return { ...run, emulator: served.emulator };
}

const membersOf = (s: Served, image: string) =>
  [...(s.emulator.emu.world.members.get(image)?.values() ?? [])].map((m) => `${m.memberId}:${m.status}`).sort();

describe("npm run conformance against the emulator", () => {
  for (const reading of ["A", "B"] as const) {
    it(`names reading ${reading} for every row when the emulator plays reading ${reading}, and undoes its share`, async () => {
      const run = await runWith({ disputed: reading });
      expect(run.code).toBe(0);
      expect(run.out).toHaveLength(ROWS.length + 1);
      ROWS.forEach(([id, slug], i) =>
        expect(run.out[i]).toMatch(new RegExp(`^${id} ${slug}: reading ${reading} \\(.+\\)$`)),
      );
      expect(run.out.at(-1)).toBe(`summary: 8 reading ${reading}; transcript: ${run.transcriptPath}`);
      // The sandbox image had no member before the run and has none after it.
      expect(membersOf(served!, IMAGE)).toEqual([]);
      const shared = JSON.parse(run.transcript).requests.filter(
        (r: { method: string; url: string }) => r.method !== "GET" && r.url.endsWith("/v1/cloudimages/members"),
      );
      expect(shared.map((r: { method: string }) => r.method)).toEqual(
        reading === "A" ? ["POST", "DELETE"] : ["POST", "POST", "DELETE"],
      );
    });
  }

  it("tells each row apart: only D7 is reading B when only token re-scoping is refused", async () => {
    const run = await runWith({ disputed: { tokenRescope: "B", tokenRescopeStatus: 401 } });
    expect(run.code).toBe(0);
    const found = verdicts(run.out);
    expect(found).toEqual({
      D1: "reading A",
      D2: "reading A",
      D3: "reading A",
      D4: "reading A",
      D5: "reading A",
      D6: "reading A",
      D7: "reading B",
      D8: "reading A",
    });
    expect(run.out[6]).toBe(
      `D7 token-rescope: reading B (re-scoping the user's token with methods ["token"] answered 401)`,
    );
  });

  it("reads the recipient's 404 as reading B of D3 too", async () => {
    const run = await runWith({ disputed: { recipientMemberRead: "B", recipientMemberReadStatus: 404 } });
    const found = verdicts(run.out);
    expect(found.D3).toBe("reading B");
    expect(
      Object.entries(found)
        .filter(([, v]) => v === "reading B")
        .map(([k]) => k),
    ).toEqual(["D3"]);
    expect(run.out[2]).toMatch(/v1 member list answered 404 .*v2 read of its entry 200/);
  });

  it("leaves a member that was there before as it was, and does not add it again", async () => {
    // debian-12-base is shared with globex ap-southeast-1 (accepted) in the demo world.
    const image = "1b7f0000-0000-4000-8000-000000000002";
    const run = await runWith({}, (url) => ({ ...aliceEnv(url), CONFORMANCE_IMAGE_ID: image }));
    const before = [`1417ec000000000000000000000000a1:pending`, `${GLOBEX_AP}:accepted`];
    expect(membersOf(served!, image)).toEqual(before);
    const found = verdicts(run.out);
    expect(found.D5).toBe("not tried");
    expect(found.D3).toBe("reading A");
    const calls = JSON.parse(run.transcript).requests.map(
      (r: { method: string; url: string }) => `${r.method} ${new URL(r.url).pathname}`,
    );
    expect(calls).toContain(`GET /v1/${GLOBEX_AP}/cloudimages/${image}/members`);
    expect(calls.filter((c: string) => c.endsWith(" /v1/cloudimages/members"))).toEqual([]);
  });

  it("still undoes the share when the recipient's reads fail midway", async () => {
    served = await serveEmulator({});
    await served.emulator.app.request("/__emulator/faults/routes", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ path: `/v1/${GLOBEX_AP}/cloudimages/**`, status: 503 }),
    });
    const run = await runConformanceCli(aliceEnv(served.url));
    expect(run.code).toBe(0);
    expect(run.out[2]).toMatch(/^D3 recipient-member-read: unclear \(the recipient's v1 member list answered 503/);
    expect(membersOf(served, IMAGE)).toEqual([]);
  });
});
