import { CloudError } from "@/lib/cloud/errors";
import { showJob, showJobProgress, type Scope } from "@/lib/cloud/ims";
import type { Job } from "@/lib/cloud/schemas/ims";
import type { BatchCallsTable } from "@/lib/db/types";
import { reached, readMembers } from "@/lib/sharing/members";
import { failureReason, type ImageService, type Operation } from "@/lib/sharing/pairs";
import { jobEnded, jobForgotten, jobPollFailed, jobPolled, jobStuck } from "./call-states";
import { dueJobs, updateCall } from "./call-store";
import { announceBatchChange } from "./events";
import { bumpVersion, pairsOfCall, updatePairs, type OpenPair } from "./pair-store";
import { SignInNeeded, type Step } from "./step";

const FINISHED_STATUSES = new Set(["SUCCESS", "FAIL"]);

/** Reads every running job of the batch that is due, and settles the ones that ended. */
export async function pollJobs(step: Step): Promise<void> {
  const due = await dueJobs(step.db, step.batch.id, step.o.now());
  await Promise.all(due.map((call) => pollJob(step, call)));
}

async function pollJob(step: Step, call: BatchCallsTable): Promise<void> {
  const { db, batch, o } = step;
  if (!call.job_id) return;
  let job: Job;
  await step.guard();
  try {
    job = await showJobProgress(step.scope, call.job_id);
  } catch (e) {
    if (e instanceof CloudError && e.isUnauthenticated) throw new SignInNeeded();
    const now = o.now();
    // The cloud forgot the job: what it did is read from the members.
    if (e instanceof CloudError && e.status === 404)
      return void (await updateCall(db, call.id, jobForgotten(call, e.code, now), "running"));
    const retryAfter = (e instanceof CloudError && e.retryAfterMs) || Infinity;
    const backoff = Math.min(30_000, o.pollMs * 2 ** (call.failures + 1), retryAfter);
    return void (await updateCall(db, call.id, jobPollFailed(call, now, now + backoff), "running"));
  }
  const now = o.now();
  if (FINISHED_STATUSES.has(job.status)) return settleJob(step, call, job);
  if (now - call.created_at > o.jobTimeoutMs)
    return void (await updateCall(db, call.id, jobStuck(call, job, o.jobTimeoutMs, now), "running"));
  const progress = Math.round(Number(job.entities?.process_percent ?? call.progress));
  // Every write waits on `running`: a job the user gave up while it was read stays given up.
  if (!(await updateCall(db, call.id, jobPolled(call, job, progress, now, now + o.pollMs), "running"))) return;
  if (progress !== call.progress || job.status !== call.job_status) {
    await bumpVersion(db, batch.id, now);
    announceBatchChange(batch.id);
  }
}

/** A job ended: each pair's outcome from the job's results, or from the members where they say nothing. */
async function settleJob(step: Step, call: BatchCallsTable, progressView: Job): Promise<void> {
  const { db, batch, o } = step;
  const pairs = await pairsOfCall(db, call.id, ["running"]);
  let job = progressView;
  const succeeded: number[] = [];
  const unknown: OpenPair[] = [];
  if (job.status === "SUCCESS") {
    succeeded.push(...pairs.map((p) => p.idx));
  } else {
    // ShowJob (the deprecated one) carries per-image or per-pair results; the progress view does not.
    await step.guard();
    job = await showJob(step.scope, call.job_id as string).catch(() => progressView);
    const byPair = new Map<string, string>();
    const byImage = new Map<string, string>();
    for (const r of job.entities?.results ?? []) {
      if (!r.image_id || !r.status) continue;
      if (r.project_id) byPair.set(`${r.image_id}|${r.project_id}`, r.status.toLowerCase());
      else byImage.set(r.image_id, r.status.toLowerCase());
    }
    for (const p of pairs) {
      const status = byPair.get(`${p.image_id}|${p.member_id}`) ?? byImage.get(p.image_id);
      if (status === "success") succeeded.push(p.idx);
      else unknown.push(p);
    }
  }
  const failed: number[] = [];
  if (unknown.length) {
    await step.guard();
    const applied = await appliedPairs(step.scope, call.service, batch.operation, unknown);
    for (const p of unknown) (applied.has(p.idx) ? succeeded : failed).push(p.idx);
  }
  const now = o.now();
  const code = job.error_code ?? "job_failed";
  const reason = failureReason(code, job.fail_reason);
  if (!(await updateCall(db, call.id, jobEnded(call, job, now), "running"))) return;
  await updatePairs(
    db,
    batch.id,
    [
      { idx: succeeded, set: { status: "succeeded", code: null, reason: null } },
      { idx: failed, set: { status: "failed", code, reason } },
    ],
    now,
  );
  announceBatchChange(batch.id);
}

/**
 * The indexes of the pairs whose change the members read back show applied: a member there for a
 * share, none for an unshare (an image that no longer exists has no members).
 */
export async function appliedPairs(
  scope: Scope,
  service: ImageService,
  operation: Operation,
  pairs: OpenPair[],
): Promise<Set<number>> {
  const states = await readMembers(
    scope,
    service,
    pairs.map((p) => p.image_id),
  );
  const expect = operation === "unshare" ? "absent" : "present";
  return new Set(pairs.filter((p) => reached(expect, states.get(p.image_id)?.get(p.member_id))).map((p) => p.idx));
}
