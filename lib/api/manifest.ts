import "server-only";
import { z } from "zod";
import { say, type RootTranslator } from "@/lib/i18n/text";
import type { ManifestPlan, ManifestPlanPair } from "@/lib/manifest/types";

/** A manifest in a JSON body: the API's own 2 MB body limit bounds it (lib/api/input.ts). */
export const manifestInput = z.object({ manifest: z.string() });

export const applyInput = manifestInput.extend({
  planDigest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  reason: z.string().trim().max(1000).optional(),
});

/** A pair as the API answers it: its reason said in the reader's language. */
export function pairAnswer(p: ManifestPlanPair, t: RootTranslator) {
  const { reason, ...rest } = p;
  return { ...rest, ...(reason && { reason: say(t, reason) }) };
}

/** A plan as the API answers it (the contract's ManifestPlan). */
export function planAnswer(plan: ManifestPlan, t: RootTranslator) {
  return {
    digest: plan.digest,
    counts: plan.counts,
    warnings: plan.warnings.map((w) => ({ message: say(t, w.message) })),
    pairs: plan.pairs.map((p) => pairAnswer(p, t)),
  };
}
