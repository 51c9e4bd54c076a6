import type { Kysely, Transaction } from "kysely";
import type { BatchPairsTable, BatchesTable, Database, PairStatus } from "@/lib/db/types";
import { text, type Text } from "@/lib/i18n/text";
import type { ImageService } from "@/lib/sharing/pairs";
import { reasonColumns, statusColumns } from "./reason";
import { OPEN_PAIR_STATUSES } from "./types";

/** A database or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Rows per statement: SQLite allows 32,766 bound values, PostgreSQL 65,535; a pair row binds 16. */
export const INSERT_CHUNK = 1_000;

/** The batch's version after one more change: every write of the tracker and the actions goes through it. */
export async function bumpVersion(
  tx: Db,
  batchId: string,
  now: number,
  /** `status_message`: why the batch waits or how it ended (null clears it), stored as `statusColumns`. */
  set: Partial<Pick<BatchesTable, "status" | "waiting_since" | "finished_at">> & { status_message?: Text | null } = {},
): Promise<number> {
  const { status_message, ...rest } = set;
  const columns = status_message === undefined ? rest : { ...rest, ...statusColumns(status_message) };
  const row = await tx
    .updateTable("batches")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: now, ...columns }))
    .where("id", "=", batchId)
    .returning("version")
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

type PairSet = Partial<Pick<BatchPairsTable, "status" | "code" | "call_id" | "attempt">> & { reason?: Text | null };

/** A change's columns: its reason, when it names one, as the two reason columns. */
function columnsOf({ reason, ...set }: PairSet) {
  return reason === undefined ? set : { ...set, ...reasonColumns(reason) };
}

/** Updates pairs by index and stamps them with a new version, in one transaction. */
export async function updatePairs(
  db: Kysely<Database>,
  batchId: string,
  changes: {
    idx: number[];
    /** `reason`: the pair's reason (null clears it), stored in English and as its key (`reasonColumns`). */
    set: PairSet;
  }[],
  now = Date.now(),
  batchSet?: Parameters<typeof bumpVersion>[3],
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const version = await bumpVersion(tx, batchId, now, batchSet);
    for (const change of changes) {
      for (let i = 0; i < change.idx.length; i += INSERT_CHUNK) {
        await tx
          .updateTable("batch_pairs")
          .set({ ...columnsOf(change.set), version, updated_at: now })
          .where("batch_id", "=", batchId)
          .where("idx", "in", change.idx.slice(i, i + INSERT_CHUNK))
          .execute();
      }
    }
    return version;
  });
}

/**
 * Puts the failed pairs back in the queue (the user asked to retry them). Returns how many; the
 * batch runs again. Pairs that are still open or already done are left as they are.
 */
export async function retryFailed(db: Kysely<Database>, batchId: string, now = Date.now()): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const failed = await tx
      .selectFrom("batch_pairs")
      .select("idx")
      .where("batch_id", "=", batchId)
      .where("status", "=", "failed")
      .execute();
    if (failed.length === 0) return 0;
    const version = await bumpVersion(tx, batchId, now, {
      status: "running",
      status_message: null,
      finished_at: null,
      waiting_since: null,
    });
    await tx
      .updateTable("batch_pairs")
      .set({ status: "waiting", code: null, ...reasonColumns(null), version, updated_at: now })
      .where("batch_id", "=", batchId)
      .where("status", "=", "failed")
      .execute();
    return failed.length;
  });
}

/** Cancels the pairs not sent yet; calls already made run to their end. Returns how many. */
export async function cancelWaiting(db: Kysely<Database>, batchId: string, now = Date.now()): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const waiting = await tx
      .selectFrom("batch_pairs")
      .select("idx")
      .where("batch_id", "=", batchId)
      .where("status", "=", "waiting")
      .execute();
    if (waiting.length === 0) return 0;
    const version = await bumpVersion(tx, batchId, now);
    await tx
      .updateTable("batch_pairs")
      .set({
        status: "cancelled",
        code: "cancelled",
        ...reasonColumns(text("batches.pairReason.cancelled")),
        version,
        updated_at: now,
      })
      .where("batch_id", "=", batchId)
      .where("status", "=", "waiting")
      .execute();
    return waiting.length;
  });
}

/** A pair still in the tracker's hands, as calls are formed from it and settled. */
export type OpenPair = Pick<
  BatchPairsTable,
  "idx" | "image_id" | "service" | "target_kind" | "target" | "member_id" | "attempt"
>;

const OPEN_PAIR_COLUMNS = ["idx", "image_id", "service", "target_kind", "target", "member_id", "attempt"] as const;

/** The batch's waiting pairs of one service, in index order, at most `limit` of them. */
export async function waitingPairs(
  db: Kysely<Database>,
  batchId: string,
  service: ImageService,
  limit?: number,
): Promise<OpenPair[]> {
  let q = db
    .selectFrom("batch_pairs")
    .select(OPEN_PAIR_COLUMNS)
    .where("batch_id", "=", batchId)
    .where("status", "=", "waiting")
    .where("service", "=", service)
    .orderBy("idx");
  if (limit) q = q.limit(limit);
  return q.execute();
}

/** The pairs a call carries that are still in one of `statuses`. */
export async function pairsOfCall(db: Kysely<Database>, callId: string, statuses: PairStatus[]): Promise<OpenPair[]> {
  return db
    .selectFrom("batch_pairs")
    .select(OPEN_PAIR_COLUMNS)
    .where("call_id", "=", callId)
    .where("status", "in", statuses)
    .execute();
}

/** Whether any pair of the batch is still waiting, being sent or running. */
export async function hasOpenPairs(db: Kysely<Database>, batchId: string): Promise<boolean> {
  const row = await db
    .selectFrom("batch_pairs")
    .select("idx")
    .where("batch_id", "=", batchId)
    .where("status", "in", OPEN_PAIR_STATUSES)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Pairs that got their outcome after `version` (the last report), with the job or request of their call. */
export async function pairsToReport(db: Db, batchId: string, version: number) {
  return db
    .selectFrom("batch_pairs as p")
    .leftJoin("batch_calls as c", "c.id", "p.call_id")
    .select(["p.image_id", "p.member_id", "p.target", "p.status", "p.code", "c.job_id", "c.request_id"])
    .select(["p.image_name", "p.target_kind", "p.service"])
    .where("p.batch_id", "=", batchId)
    .where("p.version", ">", version)
    .where("p.status", "in", ["succeeded", "failed", "cancelled"])
    .execute();
}
