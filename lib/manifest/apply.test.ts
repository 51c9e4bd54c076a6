import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO, DEMO_IMAGES, appImageId } from "@/emulator/seed/demo";
import type { ActionContext } from "@/lib/actions/action";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import { emulatorPlaying } from "@/lib/cloud/testing";
import { SQLITE } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { NO_POLICY, type SharingPolicy } from "@/lib/policy/policy";
import { savePolicy } from "@/lib/policy/store";
import { parseManifest } from "./parse";

const mocks = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db", () => ({ getDb: async () => mocks.db }));

let db: Kysely<Database>;
onMigratedDatabase(SQLITE, (opened) => {
  db = opened;
  mocks.db = opened;
});

const END = "2030-01-31T00:00:00Z";
const manifest = (...lines: string[]) => parseManifest(["version: 1", "images:", ...lines].join("\n"));
/** Ubuntu to globex (with an end date) and initech; debian keeps globex and loses initech; app-01 to umbrella. */
const CHANGES = manifest(
  `  - id: ${DEMO_IMAGES.ubuntu}`,
  "    targets:",
  `      - {project: ${DEMO.globexAp}, endsAt: ${END}}`,
  `      - project: ${DEMO.initechAp}`,
  `  - {id: ${DEMO_IMAGES.debian}, targets: [{project: ${DEMO.globexAp}}]}`,
  `  - {id: ${appImageId(1)}, endsAt: ${END}, targets: [{project: ${DEMO.umbrellaAp}}]}`,
);

describe("applyManifest", () => {
  const emulator = emulatorPlaying("A");
  let apply: typeof import("./apply");
  let planning: { world: typeof import("./world"); plan: typeof import("./plan") };
  let notes: Parameters<ActionContext["note"]>[0];
  let ctx: ActionContext;

  beforeAll(async () => {
    const [a, world, plan] = await Promise.all([import("./apply"), import("./world"), import("./plan")]);
    apply = a;
    planning = { world, plan };
  });
  beforeEach(async () => {
    emulator().reset();
    for (const table of ["batch_pairs", "batches", "approval_requests", "sharing_policies"] as const)
      await db.deleteFrom(table).execute();
    const token = await emulator().login("alice");
    const session = { ...ALICE_ACTOR, id: "s", roles: [], token, tokenExpiresAt: Date.now() + 3_600_000 };
    notes = {};
    ctx = {
      session,
      scope: { token, region: "ap-southeast-1", projectId: DEMO.acmeAp },
      note: (d) => Object.assign(notes, d),
      intent: async () => {},
    };
  });
  const enforce = (policy: Partial<SharingPolicy>) =>
    savePolicy(db, DEMO.acme, { ...NO_POLICY, mode: "enforce", ...policy }, "admin");
  const batches = () => db.selectFrom("batches").selectAll().orderBy("created_at").execute();
  const pairsOf = (id: string) =>
    db
      .selectFrom("batch_pairs")
      .select(["image_id", "target", "status"])
      .where("batch_id", "=", id)
      .orderBy("idx")
      .execute()
      .then((rows) => rows.map((r) => [r.image_id, r.target, r.status]));

  it("launches the adds as one share batch per end date and the removes as an unshare batch, excluding the rest", async () => {
    const done = await apply.applyManifest(CHANGES, ctx, {});
    expect(done.nothing).toBe(false);
    expect(done.approvals).toEqual([]);
    expect(done.batches.map((b) => [b.operation, b.launched, b.endsAt])).toEqual([
      ["share", 2, "2030-01-31T00:00:00.000Z"],
      ["share", 1, undefined],
      ["unshare", 1, undefined],
    ]);
    const rows = await batches();
    expect(rows.map((r) => [r.id, r.operation, r.lease_ends_at === null ? null : Number(r.lease_ends_at)])).toEqual([
      [done.batches[0].id, "share", Date.UTC(2030, 0, 31)],
      [done.batches[1].id, "share", null],
      [done.batches[2].id, "unshare", null],
    ]);
    expect(await pairsOf(done.batches[0].id)).toEqual([
      [appImageId(1), DEMO.umbrellaAp, "waiting"],
      [appImageId(1), DEMO.globexAp, "excluded"],
      [DEMO_IMAGES.ubuntu, DEMO.umbrellaAp, "excluded"],
      [DEMO_IMAGES.ubuntu, DEMO.globexAp, "waiting"],
    ]);
    expect(await pairsOf(done.batches[1].id)).toEqual([[DEMO_IMAGES.ubuntu, DEMO.initechAp, "waiting"]]);
    expect(await pairsOf(done.batches[2].id)).toEqual([[DEMO_IMAGES.debian, DEMO.initechAp, "waiting"]]);
    expect(notes).toMatchObject({
      batchId: done.batches[0].id,
      detail: {
        counts: { add: 3, remove: 1, keep: 1, blocked: 0 },
        batches: done.batches.map(({ id, operation, launched }) =>
          expect.objectContaining({ id, operation, launched }),
        ),
        approvals: [],
        digest: done.plan.digest,
      },
    });
    expect(new Set(notes.targets)).toEqual(new Set([DEMO.globexAp, DEMO.initechAp, DEMO.umbrellaAp]));
  });

  it("refuses a plan the cloud moved away from, and applies the plan that was shown", async () => {
    const world = await planning.world.loadManifestWorld(CHANGES, ctx);
    const shown = planning.plan.planManifest(CHANGES, world);
    emulator().emu.world.membersOf(DEMO_IMAGES.debian).delete(DEMO.initechAp);
    await expect(apply.applyManifest(CHANGES, ctx, { planDigest: shown.digest })).rejects.toMatchObject({
      error: { code: "conflict", text: { key: "manifest.errors.planChanged" } },
    });
    expect(await batches()).toEqual([]);
    const again = planning.plan.planManifest(CHANGES, await planning.world.loadManifestWorld(CHANGES, ctx));
    const done = await apply.applyManifest(CHANGES, ctx, { planDigest: again.digest });
    expect(done.batches.map((b) => b.operation)).toEqual(["share", "share"]);
  });

  it("launches nothing when the cloud already is as the file says", async () => {
    const same = manifest(
      `  - {id: ${DEMO_IMAGES.debian}, targets: [{project: ${DEMO.globexAp}}, {project: ${DEMO.initechAp}}]}`,
    );
    const done = await apply.applyManifest(same, ctx, {});
    expect(done).toMatchObject({ nothing: true, batches: [], approvals: [] });
    expect(done.plan.counts).toEqual({ add: 0, remove: 0, keep: 2, blocked: 0 });
    expect(await batches()).toEqual([]);
  });

  it("asks for a reason the enforced policy wants, on the reason field, and launches with one", async () => {
    await enforce({ allowOrganization: false, otherwise: "warn" });
    await expect(apply.applyManifest(CHANGES, ctx, {})).rejects.toMatchObject({
      error: { code: "invalid_input", fieldErrors: { reason: ["errors.said.policyNeedsReason"] } },
    });
    expect(await batches()).toEqual([]);
    const done = await apply.applyManifest(CHANGES, ctx, { reason: "release 7" });
    expect(done.batches).toHaveLength(3);
    expect(notes.detail).toMatchObject({ reason: "release 7" });
  });

  it("asks another admin to approve the adds the policy holds, by target kind and end date, and launches the rest", async () => {
    await enforce({ allowOrganization: false, otherwise: "approve" });
    const accounts = manifest(
      `  - {id: ${DEMO_IMAGES.ubuntu}, targets: [{project: ${DEMO.globexAp}}, {account: ${DEMO.initech}, endsAt: "2030-01-01T00:00:00Z"}]}`,
      `  - {id: ${DEMO_IMAGES.debian}, targets: []}`,
    );
    await expect(apply.applyManifest(accounts, ctx, {})).rejects.toMatchObject({
      error: { fieldErrors: { reason: ["manifest.errors.approvalNeedsReason"] } },
    });
    const done = await apply.applyManifest(accounts, ctx, { reason: "partners need it" });
    expect(done.approvals).toEqual([
      { id: expect.any(String), pairs: 1 },
      { id: expect.any(String), pairs: 1 },
    ]);
    expect(done.batches.map((b) => [b.operation, b.launched])).toEqual([["unshare", 2]]);
    const requests = await db.selectFrom("approval_requests").selectAll().orderBy("plan").execute();
    // Ordered by the plan's text: the account's request ("targets":"1417ec…") before the project's ("610be…").
    expect(requests.map((r) => [r.reason, r.status, JSON.parse(r.plan)])).toEqual([
      [
        "partners need it",
        "pending",
        {
          // The end date goes with the request, for the batch its approval launches.
          input: {
            imageIds: [DEMO_IMAGES.ubuntu],
            targets: DEMO.initech,
            kind: "account",
            endsAt: Date.parse("2030-01-01T00:00:00Z"),
          },
          pairs: [
            { image: DEMO_IMAGES.ubuntu, imageName: "ubuntu-22.04-web", target: DEMO.initech, verdict: "approval" },
          ],
        },
      ],
      [
        "partners need it",
        "pending",
        {
          input: { imageIds: [DEMO_IMAGES.ubuntu], targets: DEMO.globexAp, kind: "project" },
          pairs: [
            { image: DEMO_IMAGES.ubuntu, imageName: "ubuntu-22.04-web", target: DEMO.globexAp, verdict: "approval" },
          ],
        },
      ],
    ]);
  });
});
