"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { canChange } from "@/lib/auth/session";
import { announceBatchChange } from "@/lib/batches/events";
import { cancelWaiting, getBatch, retryFailed } from "@/lib/batches/store";
import type { PairStatus } from "@/lib/batches/types";
import { getDb } from "@/lib/db";
import { appError, UserError } from "@/lib/errors";

const batchSchema = z.object({ batchId: z.uuid() });

export interface BatchActionResult {
  /** How many pairs were put back in the queue, or cancelled. */
  count: number;
}

/** The batch if it is this project's (the same `not_found` as for no batch at all), and the user may change it. */
async function ownBatch(batchId: string, ctx: ActionContext) {
  const db = await getDb();
  const batch = await getBatch(db, batchId, { accountId: ctx.session.accountId, projectId: ctx.session.projectId });
  if (!batch)
    throw new UserError(appError("not_found", "This batch does not exist or was launched in another project."));
  if (!canChange(ctx.session))
    throw new UserError(appError("forbidden", "Your IAM user may look at batches but not change them."));
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
  { audit: "batch_retried", schema: batchSchema },
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
  { audit: "batch_cancelled", schema: batchSchema },
  async ({ batchId }, ctx): Promise<BatchActionResult> => {
    const db = await ownBatch(batchId, ctx);
    ctx.note(await involved(db, batchId, "waiting"));
    const count = await cancelWaiting(db, batchId);
    announceBatchChange(batchId);
    revalidatePath("/batches");
    return { count };
  },
);
