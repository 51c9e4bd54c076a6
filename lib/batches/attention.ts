import type { Db } from "./pair-store";
import { listBatches, type BatchFilter, type BatchPage } from "./store";
import type { BatchScope, BatchSummary } from "./types";

/** How far back a batch that ended with failed pairs still needs attention (`/batches?attention=7`). */
export const ATTENTION_DAYS = 7;

const DAY_MS = 86_400_000;

/**
 * Batches that need someone: still running or waiting for a sign-in, or ended within `ATTENTION_DAYS`
 * of `now` with at least one failed pair.
 */
function needsAttention(now: number): BatchFilter {
  const since = now - ATTENTION_DAYS * DAY_MS;
  return (eb) =>
    eb.or([
      eb("batches.status", "in", ["running", "waiting_for_sign_in"]),
      eb.and([
        eb("batches.finished_at", "is not", null),
        eb("batches.finished_at", ">=", since),
        eb.exists(
          eb
            .selectFrom("batch_pairs")
            .select("batch_pairs.idx")
            .whereRef("batch_pairs.batch_id", "=", "batches.id")
            .where("batch_pairs.status", "=", "failed"),
        ),
      ]),
    ]);
}

/** The project's batches that need attention, newest first, paged as `listBatches` pages. */
export async function attentionBatches(
  db: Db,
  scope: BatchScope,
  { now = Date.now(), ...page }: BatchPage & { now?: number } = {},
): Promise<BatchSummary[]> {
  return listBatches(db, scope, page, needsAttention(now));
}

/** How many of the project's batches need attention: the rows `attentionBatches` lists, all pages. */
export async function countAttentionBatches(db: Db, scope: BatchScope, now = Date.now()): Promise<number> {
  const row = await db
    .selectFrom("batches")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("account_id", "=", scope.accountId)
    .where("project_id", "=", scope.projectId)
    .where(needsAttention(now))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
