import type { Kysely } from "kysely";
import { AUDIT_SENTENCES, writeAuditEvent, type AuditPair } from "@/lib/audit/writer";
import type { Database } from "@/lib/db/types";
import { rollUp } from "@/lib/sharing/pairs";
import { closeBatch, heldRunningBatch } from "./lease-store";
import { bumpVersion, pairsToReport } from "./pair-store";

/**
 * Ends a batch whose pairs all have their outcome, if this instance still holds it: its status
 * (`cancelled` when pairs were cancelled), the lease let go, and one `batch_finished` audit event
 * with the outcome of every pair changed since the last one (a retry reports only what it retried).
 * One transaction, so the event is written exactly once. Returns whether it ended the batch.
 */
export async function finishBatch(
  db: Kysely<Database>,
  batchId: string,
  instanceId: string,
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const current = await heldRunningBatch(tx, batchId, instanceId);
    if (!current) return false;
    const pairs = await pairsToReport(tx, batchId, current.reported_version);
    const counts = { succeeded: 0, failed: 0, cancelled: 0 };
    for (const p of pairs) counts[p.status as keyof typeof counts]++;
    const status = counts.cancelled > 0 ? "cancelled" : "finished";
    const version = await bumpVersion(tx, batchId, now, { status, status_message: null, finished_at: now });
    await closeBatch(tx, batchId, version);
    const auditPairs: AuditPair[] = pairs.map((p) => ({
      image: p.image_id,
      target: p.member_id,
      outcome: p.status === "succeeded" ? "succeeded" : p.status === "failed" ? "failed" : "skipped",
      ...(p.code ? { code: p.code } : {}),
    }));
    const failed = pairs.find((p) => p.status === "failed");
    const jobs = [...new Set(pairs.flatMap((p) => (p.job_id ? [p.job_id] : [])))];
    await writeAuditEvent(tx, {
      actor: {
        userId: current.user_id,
        userName: current.user_name,
        accountId: current.account_id,
        accountName: current.account_name,
        projectId: current.project_id,
        projectName: current.project_name,
        region: current.region,
      },
      action: "batch_finished",
      // Cancelled pairs count against the batch, as failed ones do.
      outcome: rollUp(pairs.map((p) => ({ outcome: p.status }))),
      images: [...new Set(pairs.map((p) => p.image_id))],
      targets: [...new Set(pairs.map((p) => p.target))],
      pairs: auditPairs,
      input: { batchId, operation: current.operation, ...counts },
      error: failed
        ? { code: failed.code ?? "failed", message: AUDIT_SENTENCES.pairsFailed(counts.failed, pairs.length) }
        : undefined,
      upstreamJobId: jobs.join(",") || undefined,
      batchId,
      durationMs: now - current.created_at,
      occurredAt: now,
    });
    return true;
  });
}
