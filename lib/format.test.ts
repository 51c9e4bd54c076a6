import { describe, expect, it } from "vitest";
import { formatBytes, formatUtc } from "./format";

describe("formatUtc", () => {
  it("writes a moment in UTC to the minute, whatever the zone it was given in", () => {
    expect(formatUtc("2026-11-22T22:05:59+08:00")).toBe("2026-11-22 14:05 UTC");
    expect(formatUtc(Date.UTC(2026, 0, 2, 3, 4))).toBe("2026-01-02 03:04 UTC");
    expect(formatUtc(undefined)).toBe("—");
    expect(formatUtc("not a date")).toBe("—");
  });
});

describe("formatBytes", () => {
  it("keeps one decimal under 10 and none above", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(40 * 1024 ** 3)).toBe("40 GB");
    expect(formatBytes(undefined)).toBe("—");
  });
});
