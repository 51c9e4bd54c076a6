import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acmeImageId } from "@/emulator/seed/demo";
import type { StoredSession } from "@/lib/auth/session-store";
import { emulatorPlaying, READINGS } from "@/lib/cloud/testing";
import type { ChangeContext } from "./context";
import type { ImageService } from "./pairs";

const ACME_AP = "ac0e00000000000000000000000000a1";
const ACME_CN = "ac0e00000000000000000000000000c4";
const GLOBEX_AP = "610be0000000000000000000000000a1";
/** An owned image of each service with no members, and one shared with acme by globex. */
const OWN: Record<ImageService, string> = { ims: acmeImageId(1), cph: "ac0e0000000000000000000000c9a002" };
const OWN_NAME: Record<ImageService, string> = { ims: "ubuntu-22.04-web", cph: "cph-android12-base" };
const INCOMING: Record<ImageService, string> = {
  ims: "610be000-0000-4000-8000-000000000001",
  cph: "610be000000000000000000000c9a001",
};

/**
 * The sharing domain end to end against the emulator, for both services under both readings of every
 * disputed row: the same verbs give the same outcomes, the same notes for the audit, the same intents.
 */
describe.each(READINGS)("the sharing domain, disputed rows read as %s", (reading) => {
  const emulatorNow = emulatorPlaying(reading);
  let share: typeof import("./share");
  let unshare: typeof import("./unshare");
  let answer: typeof import("./answer");
  let session: StoredSession;
  let notes: Parameters<ChangeContext["note"]>[0];
  let intents: Parameters<ChangeContext["intent"]>[0][];

  beforeAll(async () => {
    [share, unshare, answer] = await Promise.all([import("./share"), import("./unshare"), import("./answer")]);
  });
  beforeEach(async () => {
    emulatorNow().reset();
    const iam = await import("@/lib/cloud/iam");
    const issued = await iam.createTokenByPassword(
      { account: "acme", user: "alice", password: "alice-demo-2026", project: "ap-southeast-1" },
      "ap-southeast-1",
    );
    session = {
      id: "s",
      userId: "u",
      userName: "alice",
      accountId: "ac0e0000000000000000000000000001",
      accountName: "acme",
      projectId: ACME_AP,
      projectName: "ap-southeast-1",
      region: "ap-southeast-1",
      roles: [],
      token: issued.token,
      tokenExpiresAt: Date.now() + 3_600_000,
    };
    notes = {};
    intents = [];
  });

  const ctx = (): ChangeContext => ({
    session,
    scope: { token: session.token, region: session.region, projectId: session.projectId },
    note: (d) => Object.assign(notes, d),
    intent: async (plan) => void intents.push(plan),
  });

  for (const service of ["ims", "cph"] as const) {
    const input = (targets: string) => ({ imageIds: [OWN[service]], targets, kind: "project" as const });

    it(`${service}: plans with one wording, shares what the server's plan adds, and reads each outcome`, async () => {
      const plan = await share.planShareOf(service, input(`${GLOBEX_AP} ${ACME_CN} ${ACME_AP}`), ctx());
      expect(plan.rows.map((r) => [r.input, r.decision, r.code])).toEqual([
        [GLOBEX_AP, "add", "new_member"],
        [ACME_CN, "blocked", "other_region"],
        [ACME_AP, "blocked", "own_project"],
      ]);
      const done = await share.shareOf(service, input(`${GLOBEX_AP} ${ACME_CN}`), ctx());
      expect(done.results).toEqual([{ image: OWN[service], target: GLOBEX_AP, outcome: "succeeded" }]);
      expect(done.jobIds).toHaveLength(service === "ims" ? 1 : 0);
      expect(intents).toEqual([{ service, expect: "present", pairs: [{ image: OWN[service], target: GLOBEX_AP }] }]);
      expect(notes.outcome).toBe("succeeded");
      expect(notes.pairs?.map((p) => [p.target, p.outcome, p.code])).toEqual([
        [GLOBEX_AP, "succeeded", undefined],
        [ACME_CN, "skipped", "other_region"],
      ]);
      // Sharing again: nothing to send, the target skipped as a member.
      const again = await share.shareOf(service, input(GLOBEX_AP), ctx());
      expect(again.results).toEqual([]);
      expect(again.rows[0]).toMatchObject({ decision: "skip", code: "already_member" });
    });

    it(`${service}: unshares the chosen member, then refuses when none of them is left`, async () => {
      await share.shareOf(service, input(GLOBEX_AP), ctx());
      const base = { imageId: OWN[service], all: false };
      const removed = await unshare.unshareOf(service, { ...base, memberIds: [GLOBEX_AP] }, ctx());
      expect(removed.results).toEqual([{ image: OWN[service], target: GLOBEX_AP, outcome: "succeeded" }]);
      expect(notes.outcome).toBe("succeeded");
      await expect(unshare.unshareOf(service, { ...base, memberIds: [GLOBEX_AP] }, ctx())).rejects.toMatchObject({
        error: { code: "not_found" },
      });
    });

    it(`${service}: removing every member needs the image's name typed exactly`, async () => {
      await share.shareOf(service, input(GLOBEX_AP), ctx());
      const all = { imageId: OWN[service], memberIds: [], all: true };
      await expect(unshare.unshareOf(service, { ...all, confirmName: "nope" }, ctx())).rejects.toMatchObject({
        error: {
          code: "invalid_input",
          text: { key: "errors.said.typeNameToRemoveAll", values: { name: OWN_NAME[service] } },
          fieldErrors: { confirmName: ["errors.said.typeNameToRemoveAll"] },
        },
      });
      const removed = await unshare.unshareOf(service, { ...all, confirmName: OWN_NAME[service] }, ctx());
      expect(removed.results.map((r) => r.outcome)).toEqual(["succeeded"]);
    });

    it(`${service}: the recipient accepts what was shared with it, and ids not shared with it fail without a call`, async () => {
      const results = await answer.answerShares(
        service,
        "accepted",
        { imageIds: [INCOMING[service], OWN[service]] },
        ctx(),
      );
      expect(results.map((r) => [r.image, r.outcome, r.code])).toEqual([
        [OWN[service], "failed", "not_found"],
        [INCOMING[service], "succeeded", undefined],
      ]);
      expect(notes.outcome).toBe("partial");
    });
  }
});
