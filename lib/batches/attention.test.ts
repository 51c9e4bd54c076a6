import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { BatchStatus, Database, PairStatus } from "@/lib/db/types";
import { ATTENTION_DAYS, attentionBatches, countAttentionBatches } from "./attention";
import { createBatch, listBatches } from "./store";

const NOW = 1_800_000_000_000;
const DAY = 86_400_000;
const actor = ALICE_ACTOR;
const SCOPE = { accountId: actor.accountId, projectId: actor.projectId };
const hex = (n: number) => n.toString(16).padStart(32, "0");

/** `/batches?attention=7`: running batches, and those that ended lately with failed pairs. */
describe.each(backends)("batches that need attention on $name", (backend) => {
  let db: Kysely<Database>;
  onMigratedDatabase(backend, (opened) => (db = opened));
  const ids: Record<string, string> = {};

  /** A batch of two pairs launched at `createdAt`: the first succeeded, the second is `second`. */
  async function batch(
    name: string,
    createdAt: number,
    status: BatchStatus,
    finishedAt: number | null,
    second: PairStatus,
    projectId = actor.projectId,
  ) {
    const id = await createBatch(
      db,
      {
        actor: { ...actor, projectId },
        operation: "share",
        images: [{ id: "1b7f0000-0000-4000-8000-000000000001", name: "ubuntu", service: "ims" }],
        targets: [0, 1].map((n) => ({ kind: "project" as const, value: hex(n), memberId: hex(n) })),
        pairs: [
          { image: 0, target: 0, status: "waiting" },
          { image: 0, target: 1, status: "waiting" },
        ],
      },
      createdAt,
    );
    await db.updateTable("batches").set({ status, finished_at: finishedAt }).where("id", "=", id).execute();
    await db.updateTable("batch_pairs").set({ status: "succeeded" }).where("batch_id", "=", id).execute();
    await db
      .updateTable("batch_pairs")
      .set({ status: second })
      .where("batch_id", "=", id)
      .where("idx", "=", 1)
      .execute();
    ids[name] = id;
  }

  beforeAll(async () => {
    await batch("running", NOW - 20 * DAY, "running", null, "running");
    await batch("signIn", NOW - 19 * DAY, "waiting_for_sign_in", null, "waiting");
    await batch("failedLately", NOW - 3 * DAY, "finished", NOW - DAY, "failed");
    await batch("succeededLately", NOW - 3 * DAY + 1, "finished", NOW - DAY, "succeeded");
    await batch("failedLongAgo", NOW - 10 * DAY, "finished", NOW - 8 * DAY, "failed");
    await batch("failedAtTheEdge", NOW - 8 * DAY, "finished", NOW - ATTENTION_DAYS * DAY, "failed");
    await batch("cancelledWithFailure", NOW - 2 * DAY, "cancelled", NOW - 2 * DAY, "failed");
    await batch("cancelledClean", NOW - 2 * DAY + 1, "cancelled", NOW - 2 * DAY, "cancelled");
    await batch("otherProject", NOW - DAY, "running", null, "running", "p2");
  });

  const needing = ["cancelledWithFailure", "failedLately", "failedAtTheEdge", "signIn", "running"];

  it("lists running and waiting batches, and those that ended within 7 days with a failed pair, newest first", async () => {
    const rows = await attentionBatches(db, SCOPE, { now: NOW });
    expect(rows.map((r) => r.id)).toEqual(needing.map((n) => ids[n]));
    expect(rows.find((r) => r.id === ids.failedLately)?.counts.failed).toBe(1);
    expect(await listBatches(db, SCOPE)).toHaveLength(8);
  });

  it("counts the same batches", async () => {
    expect(await countAttentionBatches(db, SCOPE, NOW)).toBe(needing.length);
    expect(await countAttentionBatches(db, { accountId: actor.accountId, projectId: "p2" }, NOW)).toBe(1);
    expect(await countAttentionBatches(db, { accountId: "a2", projectId: actor.projectId }, NOW)).toBe(0);
  });

  it("lets a failure go once it ended more than 7 days before now", async () => {
    const later = NOW + 2 * DAY;
    const rows = await attentionBatches(db, SCOPE, { now: later });
    expect(rows.map((r) => r.id)).toEqual(
      ["cancelledWithFailure", "failedLately", "signIn", "running"].map((n) => ids[n]),
    );
    expect(await countAttentionBatches(db, SCOPE, later)).toBe(4);
  });

  it("pages with `before` as the whole list does", async () => {
    const first = await attentionBatches(db, SCOPE, { now: NOW, limit: 2 });
    const last = first[first.length - 1];
    const second = await attentionBatches(db, SCOPE, {
      now: NOW,
      limit: 2,
      before: { createdAt: last.createdAt, id: last.id },
    });
    const third = await attentionBatches(db, SCOPE, {
      now: NOW,
      limit: 2,
      before: { createdAt: second[1].createdAt, id: second[1].id },
    });
    expect([...first, ...second, ...third].map((r) => r.id)).toEqual(needing.map((n) => ids[n]));
  });
});
