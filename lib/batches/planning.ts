import "server-only";
import { z } from "zod";
import type { StoredSession } from "@/lib/auth/session-store";
import type { Scope } from "@/lib/cloud/ims";
import { UserError } from "@/lib/errors";
import { fieldKey } from "@/lib/i18n/fields";
import { text, type Text } from "@/lib/i18n/text";
import { imageIdSchema } from "@/lib/ids";
import { loadFacts } from "@/lib/sharing/facts";
import { endsAtField } from "@/lib/sharing/forms";
import { loadPolicyCheck } from "@/lib/sharing/policy";
import { parseTargets } from "@/lib/sharing/targets";
import { BATCH_LIMITS, planBatch, type BatchPlanView } from "./plan";

/**
 * Planning a batch on the server, from the cloud's current state: the planner's Plan and Launch, and
 * an approved request's launch, all plan here. The browser's copy of a plan is never trusted.
 */

export const planSchema = z.object({
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

export const launchSchema = planSchema.extend({
  /** Why, when the sharing policy asks for a reason. */
  reason: z
    .string()
    .trim()
    .max(1000, { error: fieldKey("reasonMax") })
    .optional(),
  /** A share's end date (epoch ms); none keeps the members. */
  endsAt: endsAtField,
  /** Sends taken out of the plan, as `imageIndex:targetIndex`. */
  excluded: z
    .array(z.string().regex(/^\d{1,4}:\d{1,4}$/, { error: fieldKey("notAPairOfThePlan") }))
    .max(BATCH_LIMITS.pairs)
    .default([]),
});

/** Plans on the server from the cloud's current state; the browser's copy of a plan is never trusted. */
export async function planOnServer(
  input: z.output<typeof planSchema>,
  ctx: { scope: Scope; session: StoredSession },
): Promise<BatchPlanView> {
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

export function fieldError(field: string, sentence: Text): UserError {
  return new UserError("invalid_input", sentence, field);
}
