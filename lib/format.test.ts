import { describe, expect, it } from "vitest";
import { formatAge, formatAgo, plural, pluralWord } from "./format";

describe("plural", () => {
  it("agrees the noun with its count", () => {
    expect(plural(1, "event")).toBe("1 event");
    expect(plural(0, "event")).toBe("0 events");
    expect(plural(2, "event")).toBe("2 events");
    expect(plural(1200, "pair")).toBe("1,200 pairs");
    expect(plural(1, "member has", "members have")).toBe("1 member has");
    expect(plural(3, "member has", "members have")).toBe("3 members have");
    expect(pluralWord(1, "has", "have")).toBe("has");
    expect(pluralWord(2, "has", "have")).toBe("have");
  });
});

describe("relative times", () => {
  const now = Date.parse("2026-11-22T12:00:00Z");
  const ago = (ms: number) => now - ms;

  it("says just now, never 'just now ago', for the last minute", () => {
    expect(formatAgo(ago(0), now)).toBe("just now");
    expect(formatAgo(ago(59_000), now)).toBe("just now");
    expect(formatAgo(ago(60_000), now)).toBe("1 minute ago");
    expect(formatAgo(ago(2 * 3_600_000 + 5), now)).toBe("2 hours ago");
    expect(formatAgo(ago(86_400_000), now)).toBe("1 day ago");
    expect(formatAgo("not a date", now)).toBe("just now");
  });

  it("gives durations that read after 'for'", () => {
    expect(formatAge(ago(10_000), now)).toBe("under a minute");
    expect(formatAge(ago(60_000), now)).toBe("1 minute");
    expect(formatAge(ago(5 * 60_000), now)).toBe("5 minutes");
    expect(formatAge(ago(3 * 86_400_000), now)).toBe("3 days");
  });
});
