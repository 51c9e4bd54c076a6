/** Bytes as KB, MB, GB… with one decimal under 10. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || Number.isNaN(bytes)) return "—";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** A date as `2026-11-22 14:05 UTC`: admins across time zones compare these. */
export function formatDate(iso: string | number | undefined): string {
  if (iso === undefined) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const PLURAL_RULES = new Intl.PluralRules("en");

/** The word for `n`: `one` for 1, `other` (`one` + "s" unless given) for everything else. */
export function pluralWord(n: number, one: string, other = `${one}s`): string {
  return PLURAL_RULES.select(n) === "one" ? one : other;
}

/** A count and its noun, agreeing: "1 event", "2 events", "1,200 pairs", "0 images". */
export function plural(n: number, one: string, other?: string): string {
  return `${n.toLocaleString("en-US")} ${pluralWord(n, one, other)}`;
}

/** A duration, roughly: "3 days", "5 hours", "1 minute", "under a minute" (reads after "for"). */
export function formatAge(from: string | number, now = Date.now()): string {
  const ms = now - new Date(from).getTime();
  if (!Number.isFinite(ms) || ms < 60_000) return "under a minute";
  const units: [number, string][] = [
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
  ];
  for (const [size, name] of units) {
    const n = Math.floor(ms / size);
    if (n >= 1) return plural(n, name);
  }
  return "under a minute";
}

/** How long ago, as a phrase of its own: "just now", "1 minute ago", "3 days ago". */
export function formatAgo(from: string | number, now = Date.now()): string {
  const ms = now - new Date(from).getTime();
  if (!Number.isFinite(ms) || ms < 60_000) return "just now";
  return `${formatAge(from, now)} ago`;
}
