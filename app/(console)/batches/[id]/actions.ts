"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { announceBatchChange } from "@/lib/batches/events";
import { giveUpJobs } from "@/lib/batches/give-up";
import { involvedPairs, ownBatch, retryBatch } from "@/lib/batches/launch";
import { cancelWaiting } from "@/lib/batches/store";
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

/** Puts the failed pairs back in the queue (`retryBatch`); the tracker sends them again. */
export const retryFailedAction = defineAction(
  { ...changing, audit: "batch_retried" },
  async ({ batchId }, ctx): Promise<BatchActionResult> => {
    const result = await retryBatch(batchId, ctx);
    revalidatePath("/batches");
    return result;
  },
);

/** Cancels the pairs not sent yet; calls already made run to their end. */
export const cancelBatchAction = defineAction(
  { ...changing, audit: "batch_cancelled" },
  async ({ batchId }, ctx): Promise<BatchActionResult> => {
    const db = await ownBatch(batchId, ctx);
    ctx.note(await involvedPairs(db, batchId, "waiting"));
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
    ctx.note(await involvedPairs(db, batchId, "running"));
    const count = await giveUpJobs(db, batchId);
    if (count === 0) throw new UserError("conflict", text("errors.said.noJobRunning"));
    announceBatchChange(batchId);
    return { count };
  },
);
