import { CloudError } from "@/lib/cloud/errors";
import type { BatchCallsTable } from "@/lib/db/types";
import { toAppError } from "@/lib/errors";
import { callBody, callOf, groupCalls, sendCall, type MemberCall } from "@/lib/sharing/calls";
import { errorText, type ImageService } from "@/lib/sharing/pairs";
import { mapPool } from "@/lib/sharing/pool";
import { answerLost, callAnswered, callRefused } from "./call-states";
import { imsCallsInFlight, insertCall, updateCall } from "./call-store";
import { announceBatchChange } from "./events";
import { LeaseLost } from "./leases";
import { updatePairs, waitingPairs, type OpenPair } from "./pair-store";
import { policyGate } from "./policy-gate";
import { SignInNeeded, type Step } from "./step";

/** A call recorded before it is made, with the pairs it carries. */
interface Recorded {
  row: BatchCallsTable;
  call: MemberCall;
  pairs: OpenPair[];
}

/**
 * Sends the batch's waiting pairs: IMS pairs as batch calls, one at a time while a job slot is free
 * (the waiting pairs are read only then: a 20,000-pair batch waits often); CPH pairs one call per
 * pair, a few at a time. Every call is recorded before it is made.
 */
export async function sendWaiting(step: Step): Promise<void> {
  const { db, batch, o } = step;
  let slots = o.jobsInFlight - (await imsCallsInFlight(db, batch.id));
  if (slots > 0) {
    for (const group of groupCalls("ims", await policyGate(step, await waitingPairs(db, batch.id, "ims")), o)) {
      if (slots-- <= 0) break;
      const [call] = await record(step, "ims", [group]);
      announceBatchChange(batch.id);
      const sent = await send(step, call);
      announceBatchChange(batch.id);
      if (!sent) break;
    }
  }
  const phones = await policyGate(step, await waitingPairs(db, batch.id, "cph", o.cphConcurrency * 4));
  if (!phones.length) return;
  const calls = await record(step, "cph", groupCalls("cph", phones, o));
  announceBatchChange(batch.id);
  await mapPool(calls, o.cphConcurrency, async (call) => {
    await send(step, call);
    announceBatchChange(batch.id);
  });
}

/** Records each group of pairs as one `sending` call, its pairs `sending` with one more attempt. */
async function record(step: Step, service: ImageService, groups: OpenPair[][]): Promise<Recorded[]> {
  const { db, batch, o } = step;
  const recorded: Recorded[] = [];
  for (const pairs of groups) {
    const call = callOf(service, batch.operation, pairs);
    const now = o.now();
    const row = await insertCall(db, batch.id, service, callBody(call), now);
    for (const attempt of new Set(pairs.map((p) => p.attempt))) {
      const idx = pairs.filter((p) => p.attempt === attempt).map((p) => p.idx);
      await updatePairs(
        db,
        batch.id,
        [{ idx, set: { status: "sending", call_id: row.id, attempt: attempt + 1 } }],
        now,
      );
    }
    recorded.push({ row, call, pairs });
  }
  return recorded;
}

/**
 * Makes a recorded call. An answer with a job is followed (its pairs `running`); one without was
 * applied at once (its pairs succeeded). Returns whether the cloud took the call.
 */
async function send(step: Step, { row, call, pairs }: Recorded): Promise<boolean> {
  const { db, batch, o } = step;
  try {
    await step.guard();
    const answer = await sendCall(step.scope, call);
    const now = o.now();
    await updateCall(db, row.id, callAnswered(row, answer, now, o.pollMs));
    const idx = pairs.map((p) => p.idx);
    const set = answer.jobId
      ? { status: "running" as const }
      : { status: "succeeded" as const, code: null, reason: null };
    await updatePairs(db, batch.id, [{ idx, set }], now);
    return true;
  } catch (e) {
    await refused(step, row, pairs, e);
    return false;
  }
}

/**
 * A call that did not get through: a refusal (4xx) fails its pairs with the cloud's reason; a 401 or
 * throttling puts them back to wait; no usable answer (timeout, 5xx) leaves the call to be reconciled.
 */
async function refused(step: Step, row: BatchCallsTable, pairs: OpenPair[], e: unknown): Promise<void> {
  if (e instanceof LeaseLost) throw e;
  const { db, batch, o } = step;
  const now = o.now();
  const cloud = e instanceof CloudError ? e : undefined;
  if (cloud?.isUnauthenticated || cloud?.isThrottled) {
    await updateCall(db, row.id, callRefused(row, cloud, now));
    // Not applied: the pairs go back to the queue without spending an attempt (one write for all).
    const byAttempt = new Map<number, number[]>();
    for (const p of pairs) {
      const list = byAttempt.get(p.attempt);
      if (list) list.push(p.idx);
      else byAttempt.set(p.attempt, [p.idx]);
    }
    const changes = [...byAttempt].map(([attempt, idx]) => ({ idx, set: { status: "waiting" as const, attempt } }));
    await updatePairs(db, batch.id, changes, now);
    if (cloud.isUnauthenticated) throw new SignInNeeded();
    step.pauseUntil(now + (cloud.retryAfterMs ?? 2_000));
    return;
  }
  // Unread answers, 503 included, are reconciled by reading members, then resent up to maxAttempts.
  if (!cloud || cloud.isUnavailable) {
    const error = { code: cloud?.code ?? "internal", message: cloud?.message ?? String(e) };
    await updateCall(db, row.id, answerLost(row, now, now + o.lostAnswerGraceMs, error));
    if (!cloud) o.log(`batch ${batch.id}: call failed: ${(e as Error).stack ?? String(e)}`);
    return;
  }
  const app = toAppError(cloud);
  await updateCall(db, row.id, callRefused(row, cloud, now));
  const idx = pairs.map((p) => p.idx);
  await updatePairs(
    db,
    batch.id,
    [{ idx, set: { status: "failed", code: cloud.code || app.code, reason: errorText(app) } }],
    now,
  );
}
