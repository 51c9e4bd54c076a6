import type { BatchSummary } from "./types";

export interface BatchPace {
  /** Since the batch was launched, until it ended. */
  elapsedMs: number;
  /** How long nothing has moved, when that is longer than the threshold; absent otherwise. */
  stalledForMs?: number;
  /** The time left at the rate of the progress made so far; absent until there is progress, and while stalled. */
  etaMs?: number;
}

type Pace = Pick<BatchSummary, "status" | "counts" | "progress" | "createdAt" | "updatedAt" | "finishedAt">;

/**
 * How a batch is moving at `now`, from its summary alone, so a page can say it between updates. The
 * batch's `updatedAt` is its last change (a pair settled, a job moved): a running batch with open
 * pairs that has not changed for `stallMs` has stalled, and no time left is guessed for it.
 */
export function batchPace(s: Pace, now: number, stallMs: number): BatchPace {
  const elapsedMs = Math.max(0, (s.finishedAt ?? now) - s.createdAt);
  const open = s.counts.launched - s.counts.done;
  if (s.status !== "running" || open <= 0) return { elapsedMs };
  const idle = now - s.updatedAt;
  if (idle >= stallMs) return { elapsedMs, stalledForMs: idle };
  if (s.progress <= 0 || elapsedMs < 1_000) return { elapsedMs };
  return { elapsedMs, etaMs: Math.round((elapsedMs * (1 - s.progress)) / s.progress) };
}
