import type { Text } from "@/lib/i18n/text";
import type { ManifestPlan, ManifestPlanPair } from "./types";

/** Unchanged pairs the page lists at most: a 200 × 100 manifest keeps 20,000, which a page need not carry. */
export const KEPT_SHOWN = 500;

/** A plan as the page gets it: every change, the unchanged pairs up to `KEPT_SHOWN`. Client-safe. */
export interface ManifestPlanView {
  digest: string;
  counts: ManifestPlan["counts"];
  warnings: Text[];
  /** Adds, removes and blocked pairs, adds first. */
  changes: ManifestPlanPair[];
  kept: ManifestPlanPair[];
  /** Whether an add needs a reason or an approval under the policy (the apply form asks for a reason). */
  asksReason: boolean;
  asksApproval: boolean;
}

const ORDER = { add: 0, remove: 1, blocked: 2, keep: 3 } as const;

/** The page's view of a plan. */
export function planView(plan: ManifestPlan): ManifestPlanView {
  const changes = plan.pairs.filter((p) => p.action !== "keep").sort((a, b) => ORDER[a.action] - ORDER[b.action]);
  const adds = plan.pairs.filter((p) => p.action === "add");
  return {
    digest: plan.digest,
    counts: plan.counts,
    warnings: plan.warnings.map((w) => w.message),
    changes,
    kept: plan.pairs.filter((p) => p.action === "keep").slice(0, KEPT_SHOWN),
    asksReason: adds.some((p) => p.verdict === "reason"),
    asksApproval: adds.some((p) => p.verdict === "approval"),
  };
}
