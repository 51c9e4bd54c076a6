import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { acmeImageId, DEMO } from "@/emulator/seed/demo";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import type { StoredSession } from "@/lib/auth/session-store";
import { emulatorPlaying } from "@/lib/cloud/testing";
import { migrate } from "@/lib/db/connect";
import { backends } from "@/lib/db/testing";
import type { Database } from "@/lib/db/types";
import type { BatchContext } from "./launch";

const mocks = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db", () => ({ getDb: async () => mocks.db }));

const IMAGE = acmeImageId(1);

/**
 * Launch and retry as the planner's actions and the HTTP API both call them: planned on the server
 * against the emulator, recorded for the tracker, noted for the audit trail, refused for another project.
 */
describe("launching and retrying a batch", () => {
  const emulatorNow = emulatorPlaying("A");
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;
  let launch: typeof import("./launch");
  let store: typeof import("./store");
  let session: StoredSession;
  let notes: Parameters<BatchContext["note"]>[0];

  beforeAll(async () => {
    const sqlite = backends.find((b) => b.name === "SQLite");
    if (!sqlite) throw new Error("no SQLite backend");
    ({ db, cleanup } = await sqlite.open());
    await migrate(db);
    mocks.db = db;
    [launch, store] = await Promise.all([import("./launch"), import("./store")]);
  });
  afterAll(async () => {
    await db.destroy();
    await cleanup();
  });
  beforeEach(async () => {
    emulatorNow().reset();
    const iam = await import("@/lib/cloud/iam");
    const issued = await iam.createTokenByPassword(
      { account: "acme", user: "alice", password: "alice-demo-2026", project: "ap-southeast-1" },
      "ap-southeast-1",
    );
    session = { ...ALICE_ACTOR, id: "s", roles: [], token: issued.token, tokenExpiresAt: Date.now() + 3_600_000 };
    notes = {};
  });

  const ctx = (over: Partial<StoredSession> = {}): BatchContext => {
    const s = { ...session, ...over };
    return {
      session: s,
      scope: { token: s.token, region: s.region, projectId: s.projectId },
      note: (d) => Object.assign(notes, d),
    };
  };
  const input = (targets: string, excluded: string[] = []) => ({
    operation: "share" as const,
    imageIds: [IMAGE],
    targets,
    kind: "project" as const,
    excluded,
  });

  it("records the planned pairs for the tracker, counts only those it will send, and notes the batch", async () => {
    const launched = await launch.launchBatch(input(`${DEMO.globexAp} ${DEMO.acmeAp}`), ctx());
    expect(launched.launched).toBe(1);
    const batch = await store.getBatch(db, launched.id, { accountId: DEMO.acme, projectId: DEMO.acmeAp });
    expect(batch?.counts).toMatchObject({ waiting: 1, blocked: 1, launched: 1 });
    expect(notes).toMatchObject({ batchId: launched.id, images: [IMAGE], targets: [DEMO.globexAp, DEMO.acmeAp] });
  });

  it("refuses an exclusion that is not a pair of the plan, recording nothing", async () => {
    const before = await db.selectFrom("batches").select(db.fn.countAll().as("n")).executeTakeFirstOrThrow();
    await expect(launch.launchBatch(input(DEMO.globexAp, ["3:0"]), ctx())).rejects.toMatchObject({
      error: { code: "invalid_input", fieldErrors: { excluded: [expect.any(String)] } },
    });
    const after = await db.selectFrom("batches").select(db.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("puts the failed pairs back in the queue and notes which images and targets they were", async () => {
    const { id } = await launch.launchBatch(input(DEMO.globexAp), ctx());
    await store.updatePairs(db, id, [{ idx: [0], set: { status: "failed", code: "IMG.0088" } }]);
    notes = {};
    expect(await launch.retryBatch(id, ctx())).toEqual({ count: 1 });
    expect(notes).toEqual({ images: [IMAGE], targets: [DEMO.globexAp] });
    const batch = await store.getBatch(db, id, { accountId: DEMO.acme, projectId: DEMO.acmeAp });
    expect(batch?.counts).toMatchObject({ waiting: 1, failed: 0 });
  });

  it("answers another project's batch as not found and changes nothing", async () => {
    const { id } = await launch.launchBatch(input(DEMO.globexAp), ctx());
    await store.updatePairs(db, id, [{ idx: [0], set: { status: "failed" } }]);
    await expect(launch.retryBatch(id, ctx({ projectId: DEMO.acmeCn }))).rejects.toMatchObject({
      error: { code: "not_found" },
    });
    const batch = await store.getBatch(db, id, { accountId: DEMO.acme, projectId: DEMO.acmeAp });
    expect(batch?.counts.failed).toBe(1);
  });
});
