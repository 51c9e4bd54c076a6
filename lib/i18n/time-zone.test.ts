import { describe, expect, it } from "vitest";
import { timeZoneOf } from "./time-zone";

describe("timeZoneOf", () => {
  it("takes an IANA zone the browser sent", () => {
    expect(timeZoneOf("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(timeZoneOf("Europe/Berlin")).toBe("Europe/Berlin");
  });

  it("falls back to UTC for none, garbage or an overlong value", () => {
    expect(timeZoneOf(undefined)).toBe("UTC");
    expect(timeZoneOf("")).toBe("UTC");
    expect(timeZoneOf("Mars/Olympus_Mons")).toBe("UTC");
    expect(timeZoneOf(`Asia/${"x".repeat(80)}`)).toBe("UTC");
  });
});
