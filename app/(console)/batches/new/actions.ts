"use server";

import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { announceBatchChange } from "@/lib/batches/events";
import { batchNeeds, excludedCells, pairsOf } from "@/lib/batches/plan";
import { fieldError, launchSchema, planOnServer, planSchema } from "@/lib/batches/planning";
import { createBatch } from "@/lib/batches/store";
import { checkEndsAt } from "@/lib/sharing/lease-share";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";

const plan = (input: z.output<typeof planSchema>, ctx: ActionContext) => planOnServer(input, ctx);

/** The "Plan" step: every pair's fate, decided on the server (reads only, so no audit event). */
export const planBatchAction = defineAction({ audit: false, schema: planSchema }, plan);

/**
 * Launches a batch: plans again from the same input, applies the user's exclusions and records every
 * pair for the tracker, then opens the batch's page. Nothing is sent here; the tracker sends.
 */
export const launchBatchAction = defineAction(
  {
    audit: "batch_launched",
    schema: launchSchema,
    readOnlyMessage: text("errors.said.readOnlyPlan"),
    redirect: (batch: { id: string }) => `/batches/${batch.id}`,
  },
  async (input, ctx) => {
    const endsAt = input.endsAt !== undefined && input.operation === "share" ? checkEndsAt(input.endsAt) : undefined;
    const planned = await plan(input, ctx);
    const excluded = excludedCells(input.excluded, planned.images.length, planned.targets.length);
    if (!(excluded instanceof Set))
      throw fieldError("excluded", text("errors.said.planChanged", { pair: excluded.bad }));
    // The policy as it is now, over the sends the user kept: a post that skips the planner gets no further.
    const needs = planned.policy?.mode === "enforce" ? batchNeeds(planned, excluded) : "allowed";
    if (needs === "approval") throw new UserError("forbidden", text("errors.said.policyNeedsApproval"));
    if (needs === "reason" && !input.reason) throw fieldError("reason", text("errors.said.policyNeedsReason"));
    const pairs = pairsOf(planned, excluded);
    const id = await createBatch(await getDb(), {
      actor: ctx.session,
      operation: input.operation,
      images: planned.images.map(({ id, name, service }) => ({ id, name, service })),
      targets: planned.targets.map(({ kind, value, memberId }) => ({ kind, value, memberId })),
      pairs,
      leaseEndsAt: endsAt,
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
  },
);
