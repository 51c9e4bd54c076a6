import { describe, expect, it } from "vitest";
import { mapPool } from "./pool";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapPool", () => {
  it("keeps at most `concurrency` calls in flight and the results in order", async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapPool([5, 1, 4, 2, 3, 1, 2, 5, 1], 4, async (ms, i) => {
      most = Math.max(most, ++inFlight);
      await tick(ms);
      inFlight--;
      return `${i}:${ms}`;
    });
    expect(most).toBe(4);
    expect(results).toEqual(["0:5", "1:1", "2:4", "3:2", "4:3", "5:1", "6:2", "7:5", "8:1"]);
  });

  it("starts no more workers than items and handles none", async () => {
    let calls = 0;
    expect(await mapPool([1], 4, async (n) => (calls++, n * 2))).toEqual([2]);
    expect(await mapPool([], 4, async () => calls++)).toEqual([]);
    expect(calls).toBe(1);
  });

  it("rejects when a call rejects, so per-item outcomes are caught inside fn", async () => {
    await expect(mapPool([1, 2], 2, async (n) => (n === 2 ? Promise.reject(new Error("no")) : n))).rejects.toThrow(
      "no",
    );
  });
});
