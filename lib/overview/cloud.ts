import "server-only";
import type { Scope } from "@/lib/cloud/ims";
import { imageListQuery, loadImagePage, nearLimit } from "@/lib/sharing/image-page";
import { phonesNearLimit } from "@/lib/sharing/phones";
import { mapPool } from "@/lib/sharing/pool";
import { listSharedImages, showOwnMembership } from "@/lib/sharing/recipient";
import { PHONE_MEMBER_LIMIT } from "@/lib/sharing/rules";
import { TILE_ITEMS, type IncomingTile, type NearLimitTile } from "./types";

/** Memberships read for the share dates, at once: one round trip, the rest are counted without a date. */
const DATED = 50;

/**
 * Images shared with the project and still pending (the inbox's list: one call per 500), the oldest
 * share first: its date is the project's own membership's, read for the first 50 in one concurrent round.
 */
export async function incomingTile(scope: Scope): Promise<IncomingTile> {
  const { images, truncated } = await listSharedImages(scope, "pending");
  const dated = await mapPool(images.slice(0, DATED), DATED, async (image) => {
    const membership = await showOwnMembership(scope, image.id).catch(() => null);
    const sharedAt = membership ? Date.parse(membership.created_at) : NaN;
    return { id: image.id, name: image.name, owner: image.owner, ...(Number.isFinite(sharedAt) && { sharedAt }) };
  });
  const oldest = dated.sort((a, b) => (a.sharedAt ?? Infinity) - (b.sharedAt ?? Infinity));
  return { count: images.length, truncated, items: oldest.slice(0, TILE_ITEMS) };
}

/**
 * The project's images at 90% or more of their member limit: IMS images as the Images list finds them
 * with `full=90` (its first page of 100: one list call and one concurrent round of member reads) and
 * phone images as Phone images does (the list, and every image's members at once), side by side.
 */
export async function nearLimitTile(scope: Scope): Promise<NearLimitTile> {
  const [{ rows, next, scanned }, phones] = await Promise.all([
    loadImagePage(scope, imageListQuery.parse({ full: "90", limit: "100" })),
    phonesNearLimit(scope),
  ]);
  const full = [
    ...rows
      .filter(nearLimit)
      .map((r) => ({ id: r.id, name: r.name, service: "ims" as const, members: r.members.length, limit: r.limit })),
    ...phones.map((p) => ({
      id: p.image.image_id,
      name: p.image.image_name,
      service: "cph" as const,
      members: p.members,
      limit: PHONE_MEMBER_LIMIT,
    })),
  ].sort((a, b) => b.members / b.limit - a.members / a.limit);
  return {
    count: full.length,
    images: full.length - phones.length,
    phones: phones.length,
    scanned,
    more: next !== undefined,
    items: full.slice(0, TILE_ITEMS),
  };
}
