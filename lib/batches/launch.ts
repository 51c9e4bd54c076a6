import "server-only";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { StoredSession } from "@/lib/auth/session-store";
import type { Scope } from "@/lib/cloud/ims";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/types";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { checkEndsAt } from "@/lib/sharing/lease-share";
import { announceBatchChange } from "./events";
import { batchNeeds, excludedCells, pairsOf } from "./plan";
import { fieldError, launchSchema, planOnServer } from "./planning";
import { createBatch, getBatch, retryFailed } from "./store";
import type { PairStatus } from "./types";

/**
 * Launching and retrying a batch, written once for whoever asks: the batch planner's server actions and
 * the HTTP API both call these, so a batch launched either way is planned, gated and recorded alike.
 * The context is the action wrapper's (lib/actions imports lib/batches, so it is described here).
 */
export interface BatchContext {
  session: StoredSession;
  scope: Scope;
  note(details: { batchId?: string; images?: string[]; targets?: string[]; detail?: Record<string, unknown> }): void;
}

export interface LaunchedBatch {
  id: string;
  /** How many pairs wait for the tracker (the plan's adds or removes the user kept). */
  launched: number;
}

/**
 * Plans again from the same input, applies the user's exclusions and the policy as it is now, and
 * records every pair for the tracker. Nothing is sent here; the tracker sends, with the entrusted key of
 * `apiTokenId` (an API token's, `batchTokenOf`) if one is given, else with the user's sessions.
 */
export async function launchBatch(
  input: z.output<typeof launchSchema>,
  ctx: BatchContext,
  apiTokenId?: string,
): Promise<LaunchedBatch> {
  const endsAt = input.endsAt !== undefined && input.operation === "share" ? checkEndsAt(input.endsAt) : undefined;
  const planned = await planOnServer(input, ctx);
  const excluded = excludedCells(input.excluded, planned.images.length, planned.targets.length);
  if (!(excluded instanceof Set)) throw fieldError("excluded", text("errors.said.planChanged", { pair: excluded.bad }));
  // The policy as it is now, over the sends the user kept: a post that skips the planner gets no further.
  const needs = planned.policy?.mode === "enforce" ? batchNeeds(planned, excluded) : "allowed";
  if (needs === "approval") throw new UserError("forbidden", text("errors.said.policyNeedsApproval"));
  if (needs === "reason" && !input.reason) throw fieldError("reason", text("errors.said.policyNeedsReason"));
  const pairs = pairsOf(planned, excluded);
  // The planner's Launch is off then too: a batch that would send nothing is not recorded.
  if (!pairs.some((p) => p.status === "waiting"))
    throw new UserError("invalid_input", text("errors.said.nothingToLaunch"));
  const id = await createBatch(await getDb(), {
    actor: ctx.session,
    operation: input.operation,
    images: planned.images.map(({ id, name, service }) => ({ id, name, service })),
    targets: planned.targets.map(({ kind, value, memberId }) => ({ kind, value, memberId })),
    pairs,
    leaseEndsAt: endsAt,
    apiTokenId,
  });
  announceBatchChange(id);
  ctx.note({
    batchId: id,
    images: planned.images.map((i) => i.id),
    targets: planned.targets.map((t) => t.value),
    ...((planned.policy || endsAt) && {
      detail: {
        ...(planned.policy && { policy: { mode: planned.policy.mode, needs, counts: planned.policy.counts } }),
        ...(planned.policy && { risks: planned.policy.risks }),
        ...(input.reason && { reason: input.reason }),
        ...(endsAt && { endsAt: new Date(endsAt).toISOString() }),
      },
    }),
  });
  return { id, launched: pairs.filter((p) => p.status === "waiting").length };
}

/** Puts the failed pairs back in the queue and says how many; the tracker sends them again. */
export async function retryBatch(batchId: string, ctx: BatchContext): Promise<{ count: number }> {
  const db = await ownBatch(batchId, ctx);
  ctx.note(await involvedPairs(db, batchId, "failed"));
  const count = await retryFailed(db, batchId);
  announceBatchChange(batchId);
  return { count };
}

/**
 * The database, once the batch is known to be this project's: another project's batch gets the same
 * `not_found` as no batch at all, so its id tells nothing.
 */
export async function ownBatch(batchId: string, ctx: Pick<BatchContext, "session">): Promise<Kysely<Database>> {
  const db = await getDb();
  const batch = await getBatch(db, batchId, { accountId: ctx.session.accountId, projectId: ctx.session.projectId });
  if (!batch) throw new UserError("not_found", text("errors.said.batchNotFound"));
  return db;
}

/** The distinct images and targets of the pairs in a status, for the audit trail. */
export async function involvedPairs(db: Kysely<Database>, batchId: string, status: PairStatus) {
  const rows = await db
    .selectFrom("batch_pairs")
    .select(["image_id", "target"])
    .where("batch_id", "=", batchId)
    .where("status", "=", status)
    .execute();
  return { images: [...new Set(rows.map((r) => r.image_id))], targets: [...new Set(rows.map((r) => r.target))] };
}
