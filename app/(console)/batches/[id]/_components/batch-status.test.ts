import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/messages";
import type { BatchCounts } from "@/lib/batches/types";
import { donePercent, progressLine } from "./batch-status";

const T = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "batches.live" });
const counts = (done: number, launched: number, running = 0) => ({ done, launched, running }) as BatchCounts;

describe("progressLine", () => {
  it("takes the percent from the same counts it says, and the running jobs' progress apart", () => {
    // The admin's "45% · 0 of 20 launched pairs done": 20 pairs in jobs 45% through.
    expect(progressLine({ counts: counts(0, 20, 20), progress: 0.45 }, T)).toBe(
      "0% · 0 of 20 launched pairs done · jobs 45% through",
    );
    expect(progressLine({ counts: counts(9, 20, 0), progress: 0.45 }, T)).toBe("45% · 9 of 20 launched pairs done");
    expect(progressLine({ counts: counts(1, 1), progress: 1 }, T)).toBe("100% · 1 of 1 launched pair done");
  });

  it("says 100% only when every pair is done", () => {
    expect(donePercent(counts(199, 200))).toBe(99);
    expect(donePercent(counts(0, 0))).toBe(100);
  });
});
