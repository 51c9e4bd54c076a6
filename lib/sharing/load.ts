import "server-only";
import { listImageMembers, showImage, showImageQuota, type Scope } from "@/lib/cloud/ims";
import type { Member } from "@/lib/cloud/schemas/ims";
import { windowsRestrictedRegions } from "@/lib/env";
import { mapPool } from "./pool";
import { memberLimitOf, shareBlocker, type Blocker } from "./shareability";
import { markImageWhole, type KnownImage } from "./whole";

/** Member calls in flight at once: a page of 100 images costs one round trip, well under IMS's 200/s. */
export const MEMBER_CONCURRENCY = 100;

/** An IMS image with its members, member limit and why it cannot be shared, as the image pages show it. */
export interface LoadedImage {
  id: string;
  name: string;
  image: KnownImage;
  members: Member[];
  limit: number;
  blocker?: Blocker;
}

export function factsOf(scope: Scope, image: KnownImage, members: Member[], memberQuota?: number): LoadedImage {
  return {
    id: image.id,
    name: image.name,
    image,
    members,
    limit: memberLimitOf(image, memberQuota),
    blocker: shareBlocker(image, { projectId: scope.projectId, region: scope.region, windowsRestrictedRegions }),
  };
}

/**
 * One image with what decides its sharing: its kind (see whole.ts) and, where the project owns it, its
 * members (the owner's to read; another project's image only ever comes back blocked).
 */
export async function readImage(scope: Scope, id: string): Promise<{ image: KnownImage; members: Member[] }> {
  const shown = await showImage(scope, id);
  const owned = shown.owner === scope.projectId;
  const [image, members] = await Promise.all([markImageWhole(scope, shown), owned ? listImageMembers(scope, id) : []]);
  return { image, members };
}

/** Images by id with their members and limits, every call concurrent. */
export async function loadImages(scope: Scope, imageIds: string[]): Promise<LoadedImage[]> {
  const [quota, images] = await Promise.all([
    showImageQuota(scope).catch(() => ({ memberQuota: undefined })),
    mapPool(imageIds, MEMBER_CONCURRENCY, (id) => readImage(scope, id)),
  ]);
  return images.map(({ image, members }) => factsOf(scope, image, members, quota.memberQuota));
}
