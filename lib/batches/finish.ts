import type { Kysely } from "kysely";
import { writeAuditEvent, type AuditPair } from "@/lib/audit/writer";
import type { Database } from "@/lib/db/types";
import { bumpVersion } from "./pair-store";

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
    const current = await tx
      .selectFrom("batches")
      .selectAll()
      .where("id", "=", batchId)
      .where("status", "=", "running")
      .where("lease_owner", "=", instanceId)
      .executeTakeFirst();
    if (!current) return false;
    const pairs = await tx
      .selectFrom("batch_pairs as p")
      .leftJoin("batch_calls as c", "c.id", "p.call_id")
      .select(["p.image_id", "p.member_id", "p.target", "p.status", "p.code", "c.job_id", "c.request_id"])
      .where("p.batch_id", "=", batchId)
      .where("p.version", ">", current.reported_version)
      .where("p.status", "in", ["succeeded", "failed", "cancelled"])
      .execute();
    const counts = { succeeded: 0, failed: 0, cancelled: 0 };
    for (const p of pairs) counts[p.status as keyof typeof counts]++;
    const status = counts.cancelled > 0 ? "cancelled" : "finished";
    const version = await bumpVersion(tx, batchId, now, { status, status_message: null, finished_at: now });
    await tx
      .updateTable("batches")
      .set({ reported_version: version, lease_owner: null, lease_until: 0 })
      .where("id", "=", batchId)
      .execute();
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
      outcome: counts.failed + counts.cancelled === 0 ? "succeeded" : counts.succeeded === 0 ? "failed" : "partial",
      images: [...new Set(pairs.map((p) => p.image_id))],
      targets: [...new Set(pairs.map((p) => p.target))],
      pairs: auditPairs,
      input: { batchId, operation: current.operation, ...counts },
      error: failed
        ? { code: failed.code ?? "failed", message: `${counts.failed} of ${pairs.length} pairs failed.` }
        : undefined,
      upstreamJobId: jobs.join(",") || undefined,
      batchId,
      durationMs: now - current.created_at,
      occurredAt: now,
    });
    return true;
  });
}
