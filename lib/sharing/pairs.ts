import type { AuditPair } from "@/lib/audit/writer";
import type { AuditOutcome } from "@/lib/db/types";
import { upstreamSentence } from "@/lib/errors";

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

/** The console's own failure codes, when the cloud gave none of its own. */
const CONSOLE_FAILURES: Record<string, string> = {
  job_failed: "The cloud's job failed for this pair. Try again; History keeps the job id.",
  job_unfinished: "The cloud's job did not finish, and the members read back do not show the change. Try again later.",
  not_applied: "The members read back do not show the change: it did not take effect. Try again.",
};

/**
 * The sentence for a failed pair's code: the vocabulary's for a cloud code it knows (`IMG.0108`), the
 * console's for its own, else the cloud's own words (`fallback`, a job's fail_reason) or a sentence that
 * names the code; the code itself stays beside it as the reference.
 */
export function failureReason(code: string, fallback?: string | null): string {
  return (
    upstreamSentence(code) ??
    CONSOLE_FAILURES[code] ??
    fallback ??
    `Huawei Cloud refused this pair (${code}). History keeps the request for support.`
  );
}
