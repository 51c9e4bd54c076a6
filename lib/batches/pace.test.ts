import { describe, expect, it } from "vitest";
import { batchPace } from "./pace";

const MIN = 60_000;
const counts = (done: number, launched: number) => ({ done, launched }) as Parameters<typeof batchPace>[0]["counts"];
const running = (over: Partial<Parameters<typeof batchPace>[0]> = {}) => ({
  status: "running" as const,
  counts: counts(5, 125),
  progress: 0.04,
  createdAt: 0,
  updatedAt: 0,
  finishedAt: null,
  ...over,
});

describe("batchPace", () => {
  it("estimates the time left from the progress made, growing while nothing moves", () => {
    expect(batchPace(running({ updatedAt: 1 * MIN }), 1 * MIN, 3 * MIN).etaMs).toBe(24 * MIN);
    expect(batchPace(running({ updatedAt: 1 * MIN }), 2 * MIN, 3 * MIN).etaMs).toBe(48 * MIN);
  });

  it("says a running batch stalled, without an estimate, once nothing moved for the threshold", () => {
    // The admin's batch: 4 % done, stuck for ten minutes; never "less than a minute left".
    const pace = batchPace(running({ updatedAt: 20_000 }), 20_000 + 10 * MIN, 3 * MIN);
    expect(pace).toEqual({ elapsedMs: 20_000 + 10 * MIN, stalledForMs: 10 * MIN });
  });

  it("guesses nothing before there is progress to base it on", () => {
    expect(batchPace(running({ progress: 0, counts: counts(0, 20) }), 30_000, 3 * MIN).etaMs).toBeUndefined();
  });

  it("says neither stall nor estimate for an ended batch, whose elapsed time stops at its end", () => {
    const ended = running({ status: "finished", counts: counts(125, 125), progress: 1, finishedAt: 5 * MIN });
    expect(batchPace(ended, 60 * MIN, 3 * MIN)).toEqual({ elapsedMs: 5 * MIN });
  });
});
