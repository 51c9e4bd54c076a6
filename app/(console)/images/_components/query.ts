import { popTrail, pushTrail } from "@/lib/lists/trail";
import type { ImageListQuery } from "@/lib/sharing/image-page";

/** Whether any filter narrows the list (sort, size and page do not). */
export function isFiltered(q: ImageListQuery): boolean {
  return Boolean(q.q || q.type || q.shareable || q.members || q.pending || q.expiring || q.full);
}

/** The list URL for a query, dropping defaults so links stay short. */
export function listHref(q: Partial<ImageListQuery>): string {
  const params = new URLSearchParams();
  const defaults: Partial<Record<keyof ImageListQuery, unknown>> = { sort: "created_at", dir: "desc", limit: 25 };
  for (const [k, v] of Object.entries(q)) {
    if (v !== undefined && v !== "" && defaults[k as keyof ImageListQuery] !== v) params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/images?${s}` : "/images";
}

/** The next page: it starts after `next`, and this page's marker joins the trail Previous walks back. */
export function nextHref(q: ImageListQuery, next: string): string {
  return listHref({ ...q, marker: next, trail: pushTrail(q.marker, q.trail) });
}

/** The page before, from the trail; the first page when the trail is empty. */
export function previousHref(q: ImageListQuery): string {
  return listHref({ ...q, ...popTrail(q.trail) });
}

/** The direction a column sorts in when first clicked: names A→Z, dates and sizes largest first. */
export function firstDirection(sort: ImageListQuery["sort"]): ImageListQuery["dir"] {
  return sort === "name" ? "asc" : "desc";
}
