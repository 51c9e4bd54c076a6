import { describe, expect, it } from "vitest";
import { failureReason, rollUp } from "./pairs";

describe("failureReason", () => {
  it("says in words what a cloud code the vocabulary knows means", () => {
    expect(failureReason("IMG.0108")).toMatch(/^Huawei Cloud found no such project or account in this region\./);
  });

  it("explains the console's own codes, then the cloud's words, then names an unknown code", () => {
    expect(failureReason("not_applied")).toMatch(/did not take effect/);
    expect(failureReason("IMG.9999", "Quota of something exceeded.")).toBe("Quota of something exceeded.");
    expect(failureReason("IMG.9999")).toContain("(IMG.9999)");
  });
});

describe("rollUp", () => {
  it("ignores skipped pairs and is partial when some but not all sent pairs succeeded", () => {
    expect(rollUp([{ outcome: "skipped" }])).toBe("succeeded");
    expect(rollUp([{ outcome: "succeeded" }, { outcome: "failed" }, { outcome: "skipped" }])).toBe("partial");
    expect(rollUp([{ outcome: "failed" }, { outcome: "skipped" }])).toBe("failed");
  });
});
