import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { member } from "@/emulator/seed/builders";
import { DEMO, appImageId } from "@/emulator/seed/demo";
import { emulatorPlaying } from "@/lib/cloud/testing";

/**
 * Removing members of several images (the lease scheduler's removal): images whose members differ are
 * one IMS call each, sent a few at once rather than one job after another; after a refused call no
 * further call starts, and the refusal ends the removal once the calls already sent have settled.
 */
describe("removeMembers", () => {
  const emulator = emulatorPlaying("A", { jobTiming: { initMs: 200, itemMs: 0, maxRunMs: 0 } });
  const targets = [DEMO.globexAp, DEMO.initechAp, DEMO.umbrellaAp];
  /** Six images, each with a different set of members: six calls. */
  const members = [[0], [1], [2], [0, 1], [0, 2], [1, 2]].map((set) => set.map((t) => targets[t]));
  const images = members.map((_, i) => appImageId(31 + i));
  let unshare: typeof import("./unshare");
  let scope: { token: string; region: string; projectId: string };

  beforeAll(async () => {
    unshare = await import("./unshare");
  });
  beforeEach(async () => {
    emulator().reset();
    const { world } = emulator().emu;
    for (const [i, image] of images.entries()) {
      world.membersOf(image).clear();
      for (const m of members[i]) world.membersOf(image).set(m, member(image, m, "accepted", Date.now()));
    }
    scope = { token: await emulator().login("alice"), region: "ap-southeast-1", projectId: DEMO.acmeAp };
  });
  const wanted = () => new Map(images.map((image, i) => [image, members[i]]));
  const deleteJobs = () =>
    [...emulator().emu.world.jobs.values()]
      .filter((j) => j.type === "imsDelImageMembersJob")
      .sort((a, b) => a.beginTime - b.beginTime);

  it("sends the images' calls four at a time and removes every member", async () => {
    const removed = await unshare.removeMembers(scope, "ims", wanted());
    expect(removed.outcomes.filter((o) => o.outcome === "succeeded")).toHaveLength(9);
    expect(images.map((image) => emulator().emu.world.membersOf(image).size)).toEqual([0, 0, 0, 0, 0, 0]);
    const jobs = deleteJobs();
    expect(jobs).toHaveLength(6);
    const firstEnd = Math.min(...jobs.map((j) => j.endTime ?? Infinity));
    expect(jobs.filter((j) => j.beginTime < firstEnd)).toHaveLength(4);
  });

  it("starts no call after a refused one, and throws the refusal once the calls sent have settled", async () => {
    emulator().faults.addRoute({
      method: "DELETE",
      path: "/v1/cloudimages/members",
      status: 400,
      code: "IMG.0001",
      times: 1,
    });
    await expect(unshare.removeMembers(scope, "ims", wanted())).rejects.toMatchObject({ code: "IMG.0001" });
    expect(emulator().stats.snapshot().routes["DELETE /v1/cloudimages/members"]).toBe(4);
    expect(deleteJobs().map((j) => j.status)).toEqual(["SUCCESS", "SUCCESS", "SUCCESS"]);
  });
});
