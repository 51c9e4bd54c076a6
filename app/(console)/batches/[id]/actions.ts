"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { announceBatchChange } from "@/lib/batches/events";
import { giveUpJobs } from "@/lib/batches/give-up";
import { cancelWaiting, getBatch, retryFailed } from "@/lib/batches/store";
import type { PairStatus } from "@/lib/batches/types";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { batchIdSchema } from "@/lib/ids";
import { text } from "@/lib/i18n/text";

const batchSchema = z.object({ batchId: batchIdSchema() });

export interface BatchActionResult {
  /** How many pairs were put back in the queue, or cancelled. */
  count: number;
}

/** Changing a batch: read-only users are refused before the batch is looked up. */
const changing = { readOnlyMessage: text("errors.said.readOnlyBatches"), schema: batchSchema };

/** The batch if it is this project's (the same `not_found` as for no batch at all). */
async function ownBatch(batchId: string, ctx: ActionContext) {
  const db = await getDb();
  const batch = await getBatch(db, batchId, { accountId: ctx.session.accountId, projectId: ctx.session.projectId });
  if (!batch) throw new UserError("not_found", text("errors.said.batchNotFound"));
  return db;
}

/** The distinct images and targets of the pairs in a status, for the audit trail. */
async function involved(db: Awaited<ReturnType<typeof getDb>>, batchId: string, status: PairStatus) {
  const rows = await db
    .selectFrom("batch_pairs")
    .select(["image_id", "target"])
    .where("batch_id", "=", batchId)
    .where("status", "=", status)
    .execute();
  return { images: [...new Set(rows.map((r) => r.image_id))], targets: [...new Set(rows.map((r) => r.target))] };
}

/** Puts the failed pairs back in the queue; the tracker sends them again. */
export const retryFailedAction = defineAction(
  { ...changing, audit: "batch_retried" },
  async ({ batchId }, ctx): Promise<BatchActionResult> => {
    const db = await ownBatch(batchId, ctx);
    ctx.note(await involved(db, batchId, "failed"));
    const count = await retryFailed(db, batchId);
    announceBatchChange(batchId);
    revalidatePath("/batches");
    return { count };
  },
);

/** Cancels the pairs not sent yet; calls already made run to their end. */
export const cancelBatchAction = defineAction(
  { ...changing, audit: "batch_cancelled" },
  async ({ batchId }, ctx): Promise<BatchActionResult> => {
    const db = await ownBatch(batchId, ctx);
    ctx.note(await involved(db, batchId, "waiting"));
    const count = await cancelWaiting(db, batchId);
    announceBatchChange(batchId);
    revalidatePath("/batches");
    return { count };
  },
);

/**
 * Stops waiting for the batch's running jobs (they made no progress): the instance that holds the
 * batch reads their pairs from the members at once; applied ones succeed, the others are sent again.
 */
export const readMembersNowAction = defineAction(
  { ...changing, audit: "batch_jobs_given_up" },
  async ({ batchId }, ctx): Promise<BatchActionResult> => {
    const db = await ownBatch(batchId, ctx);
    ctx.note(await involved(db, batchId, "running"));
    const count = await giveUpJobs(db, batchId);
    if (count === 0) throw new UserError("conflict", text("errors.said.noJobRunning"));
    announceBatchChange(batchId);
    return { count };
  },
);
