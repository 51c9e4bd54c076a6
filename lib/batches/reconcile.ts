import { text } from "@/lib/i18n/text";
import { answerLost, reconciled } from "./call-states";
import { unansweredCalls, updateCall } from "./call-store";
import { announceBatchChange } from "./events";
import { pairsOfCall, updatePairs } from "./pair-store";
import { appliedPairs } from "./settle";
import type { Step } from "./step";

/**
 * A call left `sending` (the console died before the answer was recorded) or `lost` (no usable
 * answer) may or may not have been applied: after a grace period the members are read, applied
 * pairs are settled as succeeded, and the rest go back to the queue, or fail once they were sent
 * `maxAttempts` times. Nothing is sent twice blindly.
 */
export async function reconcileLost(step: Step): Promise<void> {
  const { db, batch, o } = step;
  const now = o.now();
  for (const call of await unansweredCalls(db, batch.id)) {
    if (call.status === "sending") {
      await updateCall(db, call.id, answerLost(call, now, call.created_at + o.lostAnswerGraceMs));
      continue;
    }
    if (call.next_poll_at > now) continue;
    const pairs = await pairsOfCall(db, call.id, ["sending", "running"]);
    await step.guard();
    const applied = await appliedPairs(step.scope, call.service, batch.operation, pairs);
    const missing = pairs.filter((p) => !applied.has(p.idx));
    const spent = missing.filter((p) => p.attempt >= o.maxAttempts);
    const again = missing.filter((p) => p.attempt < o.maxAttempts);
    await updateCall(db, call.id, reconciled(call, now));
    await updatePairs(
      db,
      batch.id,
      [
        {
          idx: [...applied],
          set: {
            status: "succeeded",
            code: null,
            reason: text("batches.pairReason.confirmedByReading"),
          },
        },
        { idx: again.map((p) => p.idx), set: { status: "waiting", reason: null } },
        {
          idx: spent.map((p) => p.idx),
          set: {
            status: "failed",
            code: "answer_lost",
            reason: text("batches.pairReason.gaveUp", { attempts: o.maxAttempts }),
          },
        },
      ],
      now,
    );
    announceBatchChange(batch.id);
  }
}
