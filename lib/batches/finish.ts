import type { Kysely, Transaction } from "kysely";
import { AUDIT_SENTENCES, writeAuditEvent, type AuditPair } from "@/lib/audit/writer";
import type { BatchesTable, Database } from "@/lib/db/types";
import { closeLeasesOf, setLeases } from "@/lib/sharing/leases";
import { rollUp, type ImageService } from "@/lib/sharing/pairs";
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
    await leaseOutcomes(tx, current, pairs, now);
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

/**
 * What the batch's outcomes do to end dates, in the transaction that ends it: members a share added
 * get the batch's end date; members an unshare removed lose theirs.
 */
async function leaseOutcomes(
  tx: Transaction<Database>,
  batch: BatchesTable,
  pairs: Awaited<ReturnType<typeof pairsToReport>>,
  now: number,
): Promise<void> {
  const done = pairs.filter((p) => p.status === "succeeded");
  if (done.length === 0) return;
  if (batch.operation === "unshare") {
    await closeLeasesOf(
      tx,
      batch.project_id,
      done.map((p) => ({ image: p.image_id, target: p.member_id })),
      "unshared",
      now,
    );
    return;
  }
  if (!batch.lease_ends_at) return;
  const setter = {
    userId: batch.user_id,
    userName: batch.user_name,
    accountId: batch.account_id,
    accountName: batch.account_name,
    projectId: batch.project_id,
    projectName: batch.project_name,
    region: batch.region,
  };
  for (const service of ["ims", "cph"] as ImageService[]) {
    const members = done
      .filter((p) => p.service === service)
      .map((p) => ({
        imageId: p.image_id,
        imageName: p.image_name,
        memberId: p.member_id,
        targetKind: p.target_kind,
        target: p.target,
      }));
    if (members.length) await setLeases(tx, service, members, Number(batch.lease_ends_at), setter, now);
  }
}
