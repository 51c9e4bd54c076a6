import "server-only";
import { CloudError } from "@/lib/cloud/errors";
import type { Scope } from "@/lib/cloud/ims";
import { toAppError } from "@/lib/errors";
import { text, type Text } from "@/lib/i18n/text";
import { groupCalls, callOf, sendCall, type CallPair } from "./calls";
import { waitForJob } from "./jobs";
import { readBack, type Expect } from "./members";
import { errorText, type ImageService, type Operation, type PairOutcome } from "./pairs";
import { mapPool } from "./pool";

/** CPH member calls in flight at once (one call per pair). */
const CPH_CONCURRENCY = 4;
/** Most images one IMS batch call of a console action carries. */
const IMS_CHUNK_IMAGES = 50;
/**
 * IMS calls of one change in flight at once, each with its job (the batch tracker's default too): a
 * change of many images whose members differ is one call per image, and a job takes seconds.
 */
const IMS_CALLS_IN_FLIGHT = 4;

export interface Applied {
  /** Every sent pair's outcome, read from the cloud where its answer did not say. */
  outcomes: PairOutcome[];
  jobIds: string[];
  requestIds: string[];
}

/** Why one member call failed, in the vocabulary, with the region named when the cloud refused it for that. */
export function callFailure(e: unknown, region: string): { reason: Text; code: string } {
  const app = toAppError(e);
  const code = app.upstreamCode ?? app.code;
  if (e instanceof CloudError && e.status === 400 && /region/i.test(e.message)) {
    return { reason: text("sharing.failures.otherRegion", { region }), code };
  }
  return { reason: errorText(app), code };
}

const toPair = (p: CallPair) => ({ image: p.image_id, target: p.member_id });

/**
 * Sends a change's pairs and learns each one's real outcome, the same way for both services: IMS pairs
 * go in batch calls, a few at once, whose jobs are awaited, then the members are read back (a job's result is optional
 * and per image); CPH pairs go one call each, a few at a time, each with its own outcome, and those
 * whose answer was lost are read back. A refused IMS call (it carries many pairs) and a lost session
 * end the change with the error; `onCall` hears every answer as it comes (for the audit's ids).
 */
export async function applyPairs(
  scope: Scope,
  change: { service: ImageService; operation: Operation; pairs: CallPair[] },
  onCall: (applied: Omit<Applied, "outcomes">) => void = () => {},
): Promise<Applied> {
  const { service, operation, pairs } = change;
  const expect: Expect = operation === "share" ? "present" : "absent";
  const jobIds: string[] = [];
  const requestIds: string[] = [];
  const heard = (a: { jobId?: string; requestId?: string }) => {
    if (a.jobId) jobIds.push(a.jobId);
    if (a.requestId) requestIds.push(a.requestId);
    onCall({ jobIds, requestIds });
  };
  const groups = groupCalls(service, pairs, { chunkImages: IMS_CHUNK_IMAGES, targetsPerCall: 100 });
  if (service === "ims") {
    // After a refusal no further call starts; the calls already sent settle before it is thrown.
    let refusal: { error: unknown } | undefined;
    const outcomes = await mapPool(groups, IMS_CALLS_IN_FLIGHT, async (group): Promise<PairOutcome[]> => {
      if (refusal) return [];
      try {
        const answer = await sendCall(scope, callOf(service, operation, group));
        heard(answer);
        const job = answer.jobId ? await waitForJob(scope, answer.jobId) : undefined;
        const failure =
          job?.status === "FAIL"
            ? (job.error_code ?? "job_failed")
            : job && job.status !== "SUCCESS"
              ? "job_unfinished"
              : undefined;
        return await readBack(scope, service, group.map(toPair), expect, failure);
      } catch (error) {
        refusal ??= { error };
        return [];
      }
    });
    if (refusal) throw refusal.error;
    return { outcomes: outcomes.flat(), jobIds, requestIds };
  }
  let lost: CloudError | undefined;
  const unsure: PairOutcome[] = [];
  const outcomes = await mapPool(groups, CPH_CONCURRENCY, async ([pair]): Promise<PairOutcome> => {
    try {
      heard(await sendCall(scope, callOf(service, operation, [pair])));
      return { ...toPair(pair), outcome: "succeeded" };
    } catch (e) {
      if (e instanceof CloudError && e.requestId) requestIds.push(e.requestId);
      if (e instanceof CloudError && e.isUnauthenticated) lost = e;
      const failed: PairOutcome = { ...toPair(pair), outcome: "failed", ...callFailure(e, scope.region) };
      if (e instanceof CloudError && e.mayHaveApplied) unsure.push(failed);
      return failed;
    }
  });
  if (lost) throw lost;
  if (unsure.length) {
    // No answer is not "not applied": what the cloud did is read from the members (unread stays failed).
    const read = await readBack(scope, service, unsure, expect).catch(() => []);
    const key = (p: { image: string; target: string }) => `${p.image}|${p.target}`;
    const applied = new Set(read.filter((r) => r.outcome === "succeeded").map(key));
    for (const [k, o] of outcomes.entries())
      if (applied.has(key(o))) outcomes[k] = { image: o.image, target: o.target, outcome: "succeeded" };
  }
  return { outcomes, jobIds, requestIds };
}
