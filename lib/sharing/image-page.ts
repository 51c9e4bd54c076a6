import "server-only";
import { listImageMembers, listImages, showImageQuota, type ListImagesQuery, type Scope } from "@/lib/cloud/ims";
import { z } from "zod";
import { UUID } from "@/lib/ids";
import { trailParam } from "@/lib/lists/trail";
import { getDb } from "@/lib/db";
import { expiringImages } from "./leases";
import { factsOf, MEMBER_CONCURRENCY, type LoadedImage } from "./load";

/** "Expiring soon" on the Images list: an end date within seven days. */
const EXPIRING_MS = 7 * 86_400_000;
import { mapPool } from "./pool";
import { isNearLimit } from "./rules";
import { markPageWhole } from "./whole";

/** The list's state, all of it in the URL. */
export const imageListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: z.enum(["system", "data", "whole"]).optional().catch(undefined),
  shareable: z.enum(["yes", "no"]).optional().catch(undefined),
  members: z.enum(["some", "none"]).optional().catch(undefined),
  pending: z.enum(["yes"]).optional().catch(undefined),
  /** Only images with members whose end date comes within 7 days (lib/sharing/leases). */
  expiring: z.enum(["7"]).optional().catch(undefined),
  /** Only images with at least 90% of their member limit used (`nearLimit`). */
  full: z.enum(["90"]).optional().catch(undefined),
  sort: z.enum(["created_at", "name", "size"]).default("created_at").catch("created_at"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  limit: z.coerce
    .number()
    .int()
    .refine((n) => [25, 50, 100].includes(n))
    .default(25)
    .catch(25),
  marker: z.string().regex(UUID).optional().catch(undefined),
  /** The markers of the pages before this one, so Previous works (`lib/lists/trail.ts`). */
  trail: trailParam,
});
export type ImageListQuery = z.infer<typeof imageListQuery>;

/** At most this many cloud pages are read to fill one console page when filters drop rows. */
const MAX_SCANNED_PAGES = 4;

const TYPE_FILTER: Record<NonNullable<ImageListQuery["type"]>, Partial<ListImagesQuery>> = {
  system: { virtual_env_type: "FusionCompute", __whole_image: "false" },
  data: { virtual_env_type: "DataImage" },
  whole: { __whole_image: "true" },
};

/** Whether an image has used `NEAR_LIMIT_SHARE` of its member limit (lib/sharing/rules.ts). */
export function nearLimit(row: { members: unknown[]; limit: number }): boolean {
  return isNearLimit(row.members.length, row.limit);
}

function keep(row: LoadedImage, q: ImageListQuery, ending: Map<string, number>): boolean {
  if (q.expiring && !ending.has(row.id)) return false;
  if (q.full && !nearLimit(row)) return false;
  if (q.q && !row.name.toLowerCase().includes(q.q.toLowerCase()) && row.id !== q.q) return false;
  if (q.shareable && (q.shareable === "yes") !== !row.blocker) return false;
  if (q.members && (q.members === "some") !== row.members.length > 0) return false;
  if (q.pending && !row.members.some((m) => m.status === "pending")) return false;
  return true;
}

/**
 * One page of the project's images with members and shareability. It walks the cloud's pages with
 * their markers (never the whole list), filters what the cloud cannot, and stops once the page is
 * full; `next` is the marker to continue from.
 */
export async function loadImagePage(
  scope: Scope,
  q: ImageListQuery,
): Promise<{ rows: LoadedImage[]; next?: string; scanned: number; ending: Map<string, number> }> {
  const ending = await expiringImages(await getDb(), scope.projectId, Date.now() + EXPIRING_MS);
  const quota = showImageQuota(scope).catch(() => ({ memberQuota: undefined }));
  const rows: LoadedImage[] = [];
  let marker = q.marker;
  let scanned = 0;
  for (let page = 0; page < MAX_SCANNED_PAGES; page++) {
    const query: ListImagesQuery = {
      owner: scope.projectId,
      limit: q.limit,
      marker,
      sort_key: q.sort,
      sort_dir: q.dir,
      ...(q.type ? TYPE_FILTER[q.type] : {}),
    };
    const listed = await listImages(scope, query);
    const [images, members, { memberQuota }] = await Promise.all([
      markPageWhole(scope, query, listed),
      mapPool(listed, MEMBER_CONCURRENCY, (image) => listImageMembers(scope, image.id)),
      quota,
    ]);
    scanned += images.length;
    for (let i = 0; i < images.length; i++) {
      const row = factsOf(scope, images[i], members[i], memberQuota);
      if (!keep(row, q, ending)) continue;
      rows.push(row);
      if (rows.length === q.limit) {
        const more = i < images.length - 1 || images.length === q.limit;
        return { rows, next: more ? images[i].id : undefined, scanned, ending };
      }
    }
    if (images.length < q.limit) return { rows, scanned, ending };
    marker = images[images.length - 1].id;
  }
  return { rows, next: marker, scanned, ending };
}
