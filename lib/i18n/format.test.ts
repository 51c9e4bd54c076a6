import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/messages";
import { formatAge, formatAgo, formatDuration, formatWhen, largestUnit, type TimeWords } from "./format";
import type { Locale } from "./locales";

const formatter = (locale: Locale, timeZone = "UTC") => createFormatter({ locale, timeZone });
const words = (locale: Locale): TimeWords =>
  createTranslator({ locale, messages: MESSAGES[locale], namespace: "common.time" });
const MOMENT = "2026-11-22T14:05:00Z";
const now = Date.parse(MOMENT);
const ago = (ms: number) => now - ms;

describe("formatWhen", () => {
  it("writes a moment in the reader's language and time zone, the zone named", () => {
    expect(formatWhen(formatter("en"), MOMENT)).toBe("Nov 22, 2026, 14:05 UTC");
    expect(formatWhen(formatter("en", "Asia/Shanghai"), MOMENT)).toBe("Nov 22, 2026, 22:05 GMT+8");
    expect(formatWhen(formatter("zh-CN", "Asia/Shanghai"), MOMENT)).toBe("2026年11月22日 GMT+8 22:05");
    // Past midnight in New York's evening: the day is the reader's, not UTC's.
    expect(formatWhen(formatter("en", "America/New_York"), "2026-11-23T02:30:00Z")).toBe("Nov 22, 2026, 21:30 EST");
  });

  it("says there is no date rather than an invalid one", () => {
    expect(formatWhen(formatter("en"), undefined)).toBe("—");
    expect(formatWhen(formatter("zh-CN"), "not a date")).toBe("—");
  });
});

describe("formatAgo", () => {
  it("says just now under a minute, else the largest whole unit ago, in English", () => {
    const f = formatter("en");
    expect(formatAgo(f, words("en"), ago(0), now)).toBe("just now");
    expect(formatAgo(f, words("en"), ago(59_000), now)).toBe("just now");
    expect(formatAgo(f, words("en"), ago(60_000), now)).toBe("1 minute ago");
    expect(formatAgo(f, words("en"), ago(2 * 3_600_000 + 59 * 60_000), now)).toBe("2 hours ago");
    expect(formatAgo(f, words("en"), ago(86_400_000), now)).toBe("1 day ago");
    expect(formatAgo(f, words("en"), "not a date", now)).toBe("just now");
  });

  it("says the same in Chinese", () => {
    const f = formatter("zh-CN", "Asia/Shanghai");
    expect(formatAgo(f, words("zh-CN"), ago(10_000), now)).toBe("刚刚");
    expect(formatAgo(f, words("zh-CN"), ago(5 * 60_000), now)).toBe("5分钟前");
    expect(formatAgo(f, words("zh-CN"), ago(3 * 86_400_000), now)).toBe("3天前");
  });
});

describe("formatAge", () => {
  it("gives a span to read after 'for', agreeing with its count: 0, 1 and 2", () => {
    const f = formatter("en");
    expect(formatAge(f, words("en"), ago(0), now)).toBe("under a minute");
    expect(formatAge(f, words("en"), ago(60_000), now)).toBe("1 minute");
    expect(formatAge(f, words("en"), ago(2 * 60_000), now)).toBe("2 minutes");
    expect(formatAge(f, words("en"), ago(3 * 86_400_000), now)).toBe("3 days");
    expect(formatAge(formatter("zh-CN"), words("zh-CN"), ago(30_000), now)).toBe("不到一分钟");
    expect(formatAge(formatter("zh-CN"), words("zh-CN"), ago(2 * 3_600_000), now)).toBe("2小时");
  });

  it("floors to the largest whole unit", () => {
    expect(largestUnit(119 * 60_000)).toEqual({ unit: "hour", value: 1 });
    expect(largestUnit(59_999)).toBeUndefined();
    expect(largestUnit(Number.NaN)).toBeUndefined();
  });
});

describe("formatDuration", () => {
  it("reads in seconds, minutes, then hours and minutes, in each language", () => {
    const MIN = 60_000;
    const spans = [45_000, 3 * MIN + 20_000, 80 * MIN, 120 * MIN];
    expect(spans.map((ms) => formatDuration(formatter("en"), ms))).toEqual(["45 sec", "3 min", "1 hr 20 min", "2 hr"]);
    expect(spans.map((ms) => formatDuration(formatter("zh-CN"), ms))).toEqual([
      "45秒",
      "3分钟",
      "1小时20分钟",
      "2小时",
    ]);
  });
});

describe("counts in the catalogues", () => {
  const t = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale] });

  it("agree with 0, 1 and 2 in English and group thousands", () => {
    const en = t("en");
    expect(en("incoming.decide.acceptSelected", { count: 0 })).toBe("Accept selected");
    expect(en("incoming.decide.acceptSelected", { count: 1 })).toBe("Accept 1 selected");
    expect(en("incoming.decide.acceptSelected", { count: 2 })).toBe("Accept 2 selected");
    expect(en("common.selected", { count: 1200 })).toBe("1,200 selected");
  });

  it("need only `other` in Chinese", () => {
    const zh = t("zh-CN");
    expect(zh("incoming.decide.acceptSelected", { count: 0 })).toBe("接受所选");
    expect(zh("incoming.decide.acceptSelected", { count: 1 })).toBe("接受所选（1）");
    expect(zh("incoming.decide.acceptSelected", { count: 2 })).toBe("接受所选（2）");
  });
});
