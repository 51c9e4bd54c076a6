import type { ServerType } from "@hono/node-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mergeConfig, type ConfigPatch } from "@/emulator/core/config";
import { DEMO, acmeImageId } from "@/emulator/seed/demo";
import { createEmulator } from "@/emulator/server";
import { serveForConsole, wrapEmulator, type TestEmulator } from "@/emulator/testing";
import type { Scope } from "@/lib/cloud/ims";
import { kindOf } from "./shareability";

const PENDING = "610be000-0000-4000-8000-000000000001";
const ACCEPTED = "610be000-0000-4000-8000-000000000002";
const REJECTED = "610be000-0000-4000-8000-000000000003";
const FULLECS_CBR = "610be000-0000-4000-8000-000000000004";
const UBUNTU = acmeImageId(1);
const FROM_CBR = acmeImageId(5);
const LEGACY = acmeImageId(6);

/** D3 (the recipient's reads) and D4 (full-ECS recognition) against the emulator, under both readings. */
let emulator: TestEmulator;
let server: ServerType;
let mod: {
  recipient: typeof import("./recipient");
  whole: typeof import("./whole");
  load: typeof import("./load");
  page: typeof import("./image-page");
  inbox: typeof import("@/lib/inbox/list");
  ims: typeof import("@/lib/cloud/ims");
};
let scope: Scope;

beforeAll(async () => {
  emulator = wrapEmulator(
    createEmulator({ seed: "demo", config: { jobTiming: { initMs: 0, itemMs: 0, maxRunMs: 0 } } }),
  );
  server = await serveForConsole(emulator);
  const [recipient, whole, load, page, inbox, ims] = await Promise.all([
    import("./recipient"),
    import("./whole"),
    import("./load"),
    import("./image-page"),
    import("@/lib/inbox/list"),
    import("@/lib/cloud/ims"),
  ]);
  mod = { recipient, whole, load, page, inbox, ims };
});
afterAll(() => {
  server.close();
  emulator.close();
});
beforeEach(async () => {
  emulator.reset();
  scope = { token: await emulator.login("alice"), region: "ap-southeast-1", projectId: DEMO.acmeAp };
});
const play = (patch: ConfigPatch["disputed"]) => {
  emulator.emu.config = mergeConfig(emulator.emu.config, { disputed: patch });
};

describe.each([
  ["A", { recipientMemberRead: "A" }],
  ["B (403)", { recipientMemberRead: "B", recipientMemberReadStatus: 403 }],
  ["B (404)", { recipientMemberRead: "B", recipientMemberReadStatus: 404 }],
] as const)("D3 recipient reads, reading %s", (reading, patch) => {
  beforeEach(() => play(patch));

  it("reads the project's own membership and status of each image shared with it", async () => {
    if (reading !== "A")
      await expect(mod.ims.listImageMembers(scope, PENDING)).rejects.toMatchObject({
        status: patch.recipientMemberReadStatus,
      });
    expect(await mod.recipient.showOwnMembership(scope, PENDING)).toMatchObject({
      image_id: PENDING,
      member_id: DEMO.acmeAp,
      status: "pending",
    });
    expect(await mod.recipient.showOwnMembership(scope, "610be000-0000-4000-8000-000000000005")).toBeNull();
    const statuses = await mod.recipient.ownStatuses(scope, [PENDING, ACCEPTED, REJECTED]);
    expect(Object.fromEntries(statuses)).toEqual({
      [PENDING]: "pending",
      [ACCEPTED]: "accepted",
      [REJECTED]: "rejected",
    });
  });

  it("fills the inbox: counts, shared dates and the vault a CBR full-ECS image needs", async () => {
    play({ wholeImageAttribute: "B" });
    const inbox = await mod.inbox.loadInbox(scope, mod.inbox.inboxQuery.parse({}));
    expect(inbox.counts).toMatchObject({
      pending: expect.any(Number),
      accepted: expect.any(Number),
      rejected: expect.any(Number),
    });
    const byId = new Map(inbox.rows.map((r) => [r.image.id, r]));
    expect(byId.get(PENDING)?.membership?.created_at).toMatch(/^\d{4}-/);
    expect(byId.get(FULLECS_CBR)).toMatchObject({ kind: "whole", needsVault: true, mayNeedVault: false });
    expect(byId.get(PENDING)).toMatchObject({ kind: "system", needsVault: false, mayNeedVault: false });
  });
});

describe.each(["A", "B"] as const)("D4 full-ECS recognition, reading %s", (reading) => {
  beforeEach(() => play({ wholeImageAttribute: reading }));

  it("a page of the owner's images: 10 members for the CBR image, IMG.0135 for the legacy one, the quota for the others", async () => {
    const { rows } = await mod.page.loadImagePage(scope, mod.page.imageListQuery.parse({ limit: "100" }));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(FROM_CBR)).toMatchObject({ limit: 10, blocker: undefined });
    expect(byId.get(LEGACY)?.limit).toBe(10);
    expect(byId.get(LEGACY)?.blocker?.code).toBe("IMG.0135");
    expect(byId.get(UBUNTU)?.limit).toBe(256);
  });

  it("one image by id asks the filter with id=<id>", async () => {
    const [legacy, ubuntu, cbr] = await mod.load.loadImages(scope, [LEGACY, UBUNTU, FROM_CBR]);
    expect(legacy.blocker?.code).toBe("IMG.0135");
    expect(ubuntu).toMatchObject({ limit: 256, blocker: undefined });
    expect(cbr).toMatchObject({ limit: 10, blocker: undefined });
  });

  it("a recipient's image is known by its __backup_id or the shared list's filter", async () => {
    const pending = await mod.whole.markImageWhole(scope, await mod.ims.showImage(scope, PENDING), "pending");
    expect(kindOf(pending)).toBe("system");
    expect(kindOf(await mod.whole.markImageWhole(scope, await mod.ims.showImage(scope, PENDING)))).toBe("unknown");
    expect(kindOf(await mod.whole.markImageWhole(scope, await mod.ims.showImage(scope, FULLECS_CBR)))).toBe("whole");
  });
});

describe("D4 when the __whole_image filter cannot be read", () => {
  it("the owner's page leaves the kinds its fields do not tell unknown, whether the filter is refused (400) or fails (503)", async () => {
    play({ wholeImageAttribute: "B" });
    const page = await mod.ims.listImages(scope, { owner: DEMO.acmeAp, limit: 100 });
    // The page is read: from here on only the filter's calls meet the faults.
    for (const status of [400, 503]) {
      await emulator.call("DELETE", "/__emulator/faults");
      await emulator.call("POST", "/__emulator/faults/routes", {
        body: { method: "GET", path: "/v2/cloudimages", status },
      });
      const marked = await mod.whole.markPageWhole(scope, { owner: DEMO.acmeAp, limit: 100 }, page);
      expect(kindOf(marked.find((i) => i.id === FROM_CBR)!)).toBe("whole");
      expect(kindOf(marked.find((i) => i.id === LEGACY)!)).toBe("unknown");
    }
  });

  it("the inbox and accept take a refused filter (400) as unknown kinds, and a failing read (503) as a failure", async () => {
    const refused = await mod.ims
      .listImages(scope, { __whole_image: "nonsense" as "true" })
      .catch(mod.whole.filterRefused);
    expect(refused).toBeUndefined();
    await emulator.call("POST", "/__emulator/faults/routes", {
      body: { method: "GET", path: "/v2/cloudimages", status: 503 },
    });
    await expect(
      mod.recipient.listSharedImages(scope, "pending", { __whole_image: "true" }).catch(mod.whole.filterRefused),
    ).rejects.toMatchObject({
      status: 503,
    });
  });
});
