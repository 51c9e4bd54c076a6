import type { createFormatter, DateTimeFormatOptions } from "next-intl";

/** next-intl's formatter: `useFormatter()` in components, `getFormatter()` on the server, `createFormatter` in tests. */
export type Formatter = ReturnType<typeof createFormatter>;

/** The words a span needs that `Intl` has none for (`common.time`). */
export type TimeWords = (key: "justNow" | "underAMinute") => string;

/** A day as the locale writes it: "Nov 22, 2026", "2026年11月22日". */
export const DAY: DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };
/** A time of day to the minute, with its zone: "14:05 UTC", "GMT+8 14:05". */
export const TIME: DateTimeFormatOptions = {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
};

export function toDate(value: string | number | Date | undefined | null): Date | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A moment in the formatter's locale and time zone, day then time ("Nov 22, 2026, 14:05 UTC"); "—" for none. */
export function formatWhen(f: Formatter, value: string | number | Date | undefined | null): string {
  const d = toDate(value);
  return d ? f.dateTime(d, { ...DAY, ...TIME }) : "—";
}

const UNITS = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
] as const;

/** The largest whole unit of a span of `ms` (floored: 119 minutes is "1 hour"); none under a minute. */
export function largestUnit(ms: number): { unit: "day" | "hour" | "minute"; value: number } | undefined {
  if (!Number.isFinite(ms)) return undefined;
  for (const [unit, size] of UNITS) if (ms >= size) return { unit, value: Math.floor(ms / size) };
  return undefined;
}

/** How long since `from`, read after "for": "3 days", "5 hours", "1 minute", "under a minute"; "3天" in Chinese. */
export function formatAge(f: Formatter, words: TimeWords, from: string | number | Date, now = Date.now()): string {
  const d = toDate(from);
  const span = d && largestUnit(now - d.getTime());
  if (!span) return words("underAMinute");
  return f.number(span.value, { style: "unit", unit: span.unit, unitDisplay: "long" });
}

/** How long ago, as a phrase of its own: "just now", "1 minute ago", "3 days ago"; "3天前" in Chinese. */
export function formatAgo(f: Formatter, words: TimeWords, from: string | number | Date, now = Date.now()): string {
  const d = toDate(from);
  const span = d && largestUnit(now - d.getTime());
  if (!span) return words("justNow");
  const size = UNITS.find(([unit]) => unit === span.unit)![1];
  return f.relativeTime(now - span.value * size, { now, unit: span.unit });
}

/** How long something took or has run, to the second under a minute, else in hours and minutes: "45 sec",
 * "1 hr 20 min"; "45秒", "1小时20分钟" in Chinese. */
export function formatDuration(f: Formatter, ms: number): string {
  const unit = (value: number, unit: "second" | "minute" | "hour") =>
    f.number(value, { style: "unit", unit, unitDisplay: "short" });
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 60) return unit(s, "second");
  const min = Math.floor(s / 60);
  if (min < 60) return unit(min, "minute");
  const hours = unit(Math.floor(min / 60), "hour");
  return min % 60 ? f.list([hours, unit(min % 60, "minute")], { type: "unit", style: "narrow" }) : hours;
}
