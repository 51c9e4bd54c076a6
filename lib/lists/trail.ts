import { z } from "zod";
import { UUID } from "@/lib/ids";

/** How many pages back Previous can go; past it, the oldest markers are forgotten. */
export const MAX_TRAIL = 200;

/**
 * The markers of the pages before the current one but the first, oldest first, comma-separated in the
 * URL: marker-paged lists (IMS) have no "previous" of their own, so the list keeps the way it came.
 */
export const trailParam = z
  .string()
  .refine((s) => s.split(",").length <= MAX_TRAIL && s.split(",").every((m) => UUID.test(m)))
  .optional()
  .catch(undefined);

const split = (trail?: string) => (trail ? trail.split(",") : []);

/** The page's number: 1 without a marker, else one more than the pages behind it. */
export function pageNumber(marker?: string, trail?: string): number {
  return marker ? split(trail).length + 2 : 1;
}

/** The trail of the next page: the current page's marker joins it. */
export function pushTrail(marker?: string, trail?: string): string | undefined {
  return marker ? [...split(trail), marker].slice(-MAX_TRAIL).join(",") : undefined;
}

/** The marker and trail of the previous page; no marker means the first page. */
export function popTrail(trail?: string): { marker?: string; trail?: string } {
  const markers = split(trail);
  const marker = markers.pop();
  return { marker, trail: markers.join(",") || undefined };
}
