import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { BatchCallsTable, CallStatus, Database } from "@/lib/db/types";
import type { ImageService } from "@/lib/sharing/pairs";
import type { CallChange } from "./call-states";

/**
 * Records a call as `sending` before it is made, numbered after the batch's other calls. Returns the
 * row as written.
 */
export async function insertCall(
  db: Kysely<Database>,
  batchId: string,
  service: ImageService,
  body: unknown,
  now: number,
): Promise<BatchCallsTable> {
  return db.transaction().execute(async (tx) => {
    const seq = await tx
      .selectFrom("batch_calls")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("batch_id", "=", batchId)
      .executeTakeFirst();
    const row: BatchCallsTable = {
      id: randomUUID(),
      batch_id: batchId,
      seq: Number(seq?.n ?? 0) + 1,
      service,
      body: JSON.stringify(body),
      status: "sending",
      job_id: null,
      request_id: null,
      job_status: null,
      progress: 0,
      error_code: null,
      error_message: null,
      polls: 0,
      failures: 0,
      next_poll_at: now,
      created_at: now,
      updated_at: now,
      finished_at: null,
    };
    await tx.insertInto("batch_calls").values(row).execute();
    return row;
  });
}

/**
 * Writes one move of a call (lib/batches/call-states). With `from`, only while the call is still in
 * that status: a move made meanwhile elsewhere (the user gave up a job the tracker was reading) is
 * never overwritten. Returns whether the call was written.
 */
export async function updateCall(
  db: Kysely<Database>,
  id: string,
  change: CallChange,
  from?: CallStatus,
): Promise<boolean> {
  let q = db.updateTable("batch_calls").set(change).where("id", "=", id);
  if (from) q = q.where("status", "=", from);
  const [result] = await q.execute();
  return Number(result?.numUpdatedRows ?? 0) > 0;
}

/** The batch's calls with a job still running. */
export async function runningCalls(db: Kysely<Database>, batchId: string): Promise<BatchCallsTable[]> {
  return db
    .selectFrom("batch_calls")
    .selectAll()
    .where("batch_id", "=", batchId)
    .where("status", "=", "running")
    .execute();
}

/** The batch's calls without a usable answer yet: `sending` (perhaps left by a dead console) or `lost`. */
export async function unansweredCalls(db: Kysely<Database>, batchId: string): Promise<BatchCallsTable[]> {
  return db
    .selectFrom("batch_calls")
    .selectAll()
    .where("batch_id", "=", batchId)
    .where("status", "in", ["sending", "lost"])
    .execute();
}

/** The batch's running jobs due for a read. */
export async function dueJobs(db: Kysely<Database>, batchId: string, now: number): Promise<BatchCallsTable[]> {
  return db
    .selectFrom("batch_calls")
    .selectAll()
    .where("batch_id", "=", batchId)
    .where("status", "=", "running")
    .where("next_poll_at", "<=", now)
    .execute();
}

/** IMS calls of the batch not yet done: each holds a job slot. */
export async function imsCallsInFlight(db: Kysely<Database>, batchId: string): Promise<number> {
  const row = await db
    .selectFrom("batch_calls")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("batch_id", "=", batchId)
    .where("service", "=", "ims")
    .where("status", "in", ["running", "sending", "lost"])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
