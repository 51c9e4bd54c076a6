import "server-only";
import { CloudError } from "@/lib/cloud/errors";
import { listImages, showImageMember, type Scope } from "@/lib/cloud/ims";
import type { Image, Member } from "@/lib/cloud/schemas/ims";
import { mapPool } from "./pool";

export const MEMBER_STATUSES = ["pending", "accepted", "rejected"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Shared-with-me lists are short; past this many images a list says it shows the first ones. */
export const MAX_SHARED_IMAGES = 2_000;

/**
 * `GET /v2/cloudimages?visibility=shared&member_status=…`: the images shared with the project in one
 * state, page after page. The recipient's documented way to read many statuses at once; the owner's
 * member list may refuse a recipient (cloud-api.md section 14, D3).
 */
export async function listSharedImages(
  scope: Scope,
  status: MemberStatus,
  extra: { __whole_image?: "true" } = {},
): Promise<{ images: Image[]; truncated: boolean }> {
  const images: Image[] = [];
  let marker: string | undefined;
  while (images.length < MAX_SHARED_IMAGES) {
    const page = await listImages(scope, { visibility: "shared", member_status: status, limit: 500, marker, ...extra });
    images.push(...page);
    if (page.length < 500) return { images, truncated: false };
    marker = page[page.length - 1].id;
  }
  return { images, truncated: true };
}

/**
 * The project's own membership of an image it was shared with (`GET /v2/images/{id}/members/{own
 * project}`), or null when it has none (the owner removed it, or the image is gone).
 */
export async function showOwnMembership(scope: Scope, imageId: string): Promise<Member | null> {
  try {
    return await showImageMember(scope, imageId, scope.projectId);
  } catch (e) {
    if (e instanceof CloudError && e.status === 404) return null;
    throw e;
  }
}

/**
 * The project's membership status of each image, as the recipient may read it: one show call per
 * image; where the cloud refuses that read (anything but 404), the three shared-image lists, read
 * once, say which state each image is in. Null: not a member.
 */
export async function ownStatuses(scope: Scope, imageIds: string[]): Promise<Map<string, MemberStatus | null>> {
  const out = new Map<string, MemberStatus | null>();
  const refused: string[] = [];
  await mapPool(imageIds, 50, async (id) => {
    try {
      out.set(id, (await showOwnMembership(scope, id))?.status ?? null);
    } catch (e) {
      if (!(e instanceof CloudError) || e.isUnavailable || e.isUnauthenticated) throw e;
      refused.push(id);
    }
  });
  if (refused.length) {
    const lists = await Promise.all(MEMBER_STATUSES.map((s) => listSharedImages(scope, s)));
    for (const id of refused) {
      const at = lists.findIndex((l) => l.images.some((i) => i.id === id));
      out.set(id, at >= 0 ? MEMBER_STATUSES[at] : null);
    }
  }
  return out;
}
