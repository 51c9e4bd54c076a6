import { WINDOW_DAYS } from "./types";

const DAY_MS = 86_400_000;

/**
 * The first UTC day of "the last 7 days" as History's filter takes it (`from=YYYY-MM-DD`, inclusive):
 * the tile counts from the same instant, so its link shows exactly what it counted.
 */
export function windowStartDay(now: number, days = WINDOW_DAYS): string {
  return new Date(Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

export const windowStart = (now: number, days = WINDOW_DAYS) => Date.parse(`${windowStartDay(now, days)}T00:00:00Z`);

/** Each tile's link: the page, filtered, that holds every item the tile counts. */
export const TILE_LINKS = {
  incoming: () => "/incoming?tab=pending",
  approvals: () => "/approvals?status=pending",
  batches: () => `/batches?attention=${WINDOW_DAYS}`,
  leases: () => `/images?expiring=${WINDOW_DAYS}`,
  outside: (from: string) => `/history?source=cts&from=${from}`,
  drift: () => "/manifests?watches=drift",
  nearLimit: () => "/images?full=90",
  nearLimitPhones: () => "/phones?full=90",
  cts: () => "/history#cts-import-title",
} as const;
