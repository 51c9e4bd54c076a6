import type { AuditPair } from "@/lib/audit/writer";
import type { AuditOutcome } from "@/lib/db/types";

/**
 * The vocabulary of member changes, shared by single shares, phone shares, the inbox, batches and the
 * intent reconciler: a pair is one image and one member; its outcome is what the cloud did to it.
 */

export type { ImageService, Operation } from "@/lib/db/types";

/** One image and one member id (a project, an account, or an organization or OU id). */
export interface Pair {
  image: string;
  target: string;
}

/**
 * What happened to one pair (as the audit trail keeps it, plus a sentence): `code` is the cloud's
 * (`IMG.0088`) or the console's (`not_applied`, or the plan rule that skipped it).
 */
export interface PairOutcome extends AuditPair {
  reason?: string;
}

/**
 * The one roll-up of pair outcomes (or batch pair statuses): skipped pairs do not count; succeeded when
 * every other pair succeeded (or nothing was sent), failed when none did, partial otherwise. Anything
 * but `succeeded` and `skipped` (failed, cancelled) counts against it.
 */
export function rollUp(pairs: readonly { outcome: string }[]): AuditOutcome {
  let sent = 0;
  let ok = 0;
  for (const p of pairs) {
    if (p.outcome === "skipped") continue;
    sent++;
    if (p.outcome === "succeeded") ok++;
  }
  return ok === sent ? "succeeded" : ok === 0 ? "failed" : "partial";
}
