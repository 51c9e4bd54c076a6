"use server";

import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { announceBatchChange } from "@/lib/batches/events";
import { BATCH_LIMITS, batchNeeds, excludedCells, pairsOf, planBatch, type BatchPlanView } from "@/lib/batches/plan";
import { loadFacts } from "@/lib/sharing/facts";
import { loadPolicyCheck } from "@/lib/sharing/policy";
import { createBatch } from "@/lib/batches/store";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { imageIdSchema } from "@/lib/ids";
import { parseTargets } from "@/lib/sharing/targets";
import { text, type Text } from "@/lib/i18n/text";
import { fieldKey } from "@/lib/i18n/fields";

const planSchema = z.object({
  operation: z.enum(["share", "unshare"]),
  imageIds: z
    .array(z.string().trim().pipe(imageIdSchema()))
    .min(1, { error: fieldKey("chooseOrPasteImages") })
    .max(BATCH_LIMITS.images, { error: fieldKey("batchImagesMax") })
    .transform((ids) => [...new Set(ids)]),
  targets: z
    .string()
    .trim()
    .min(1, { error: fieldKey("enterTargets") })
    .max(200_000, { error: fieldKey("targetsTooLong") }),
  kind: z.enum(["project", "account"]).default("project"),
});

const launchSchema = planSchema.extend({
  /** Why, when the sharing policy asks for a reason. */
  reason: z
    .string()
    .trim()
    .max(1000, { error: fieldKey("reasonMax") })
    .optional(),
  /** Sends taken out of the plan, as `imageIndex:targetIndex`. */
  excluded: z
    .array(z.string().regex(/^\d{1,4}:\d{1,4}$/, { error: fieldKey("notAPairOfThePlan") }))
    .max(BATCH_LIMITS.pairs)
    .default([]),
});

/** Plans on the server from the cloud's current state; the browser's copy of a plan is never trusted. */
async function plan(input: z.output<typeof planSchema>, ctx: ActionContext): Promise<BatchPlanView> {
  const targets = parseTargets(input.targets, input.kind);
  const valid = targets.filter((t) => t.ok).length;
  if (valid === 0) throw fieldError("targets", text("errors.said.noTargets"));
  if (valid > BATCH_LIMITS.targets)
    throw fieldError("targets", text("errors.said.tooManyTargets", { limit: BATCH_LIMITS.targets, count: valid }));
  const pairs = input.imageIds.length * valid;
  if (pairs > BATCH_LIMITS.pairs) {
    const values = { images: input.imageIds.length, targets: valid, pairs, limit: BATCH_LIMITS.pairs };
    throw fieldError("targets", text("errors.said.tooManyPairs", values));
  }
  const facts = await loadFacts(ctx.scope, ctx.session, input.imageIds);
  const check =
    input.operation === "share"
      ? await loadPolicyCheck(
          ctx.scope,
          ctx.session,
          facts.knownProjects,
          facts.images,
          targets.flatMap((t) => (t.ok ? [t.target] : [])),
        )
      : undefined;
  return planBatch({
    check,
    operation: input.operation,
    images: facts.images,
    targets,
    owner: { projectId: ctx.scope.projectId, accountId: ctx.session.accountId, region: ctx.scope.region },
    knownProjects: facts.knownProjects,
  });
}

function fieldError(field: string, sentence: Text): UserError {
  return new UserError("invalid_input", sentence, field);
}

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
    });
    announceBatchChange(id);
    ctx.note({
      batchId: id,
      images: planned.images.map((i) => i.id),
      targets: planned.targets.map((t) => t.value),
      ...(planned.policy && {
        detail: {
          policy: { mode: planned.policy.mode, needs, counts: planned.policy.counts },
          risks: planned.policy.risks,
          ...(input.reason && { reason: input.reason }),
        },
      }),
    });
    return { id, launched: pairs.filter((p) => p.status === "waiting").length };
  },
);
