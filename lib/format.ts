/** Bytes as KB, MB, GB… with one decimal under 10 (the units are the same in every language the console speaks). */
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

/**
 * A moment in UTC as `2026-11-22 14:05 UTC`, the same in every language: what a date shows on hover
 * (components/date-time.tsx), so admins across time zones can compare. People read dates in their own
 * zone and language through lib/i18n/format.ts.
 */
export function formatUtc(iso: string | number | Date | undefined): string {
  if (iso === undefined) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
