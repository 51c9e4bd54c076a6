import "server-only";
import { listImageMembers, showImage, showImageQuota, type Scope } from "@/lib/cloud/ims";
import type { Image, Member } from "@/lib/cloud/schemas/ims";
import { windowsRestrictedRegions } from "@/lib/env";
import type { ImageFacts } from "./plan";
import { mapPool } from "./pool";
import { memberLimitOf, shareBlocker } from "./shareability";

/** Member calls in flight at once: a page of 100 images costs one round trip, well under IMS's 200/s. */
export const MEMBER_CONCURRENCY = 100;

export interface LoadedImage extends ImageFacts {
  image: Image;
  members: Member[];
}

export function factsOf(scope: Scope, image: Image, members: Member[], memberQuota?: number): LoadedImage {
  return {
    id: image.id,
    name: image.name,
    image,
    members,
    limit: memberLimitOf(image, memberQuota),
    blocker: shareBlocker(image, { projectId: scope.projectId, region: scope.region, windowsRestrictedRegions }),
  };
}

/** Images by id with their members and limits, every call concurrent. */
export async function loadImages(scope: Scope, imageIds: string[]): Promise<LoadedImage[]> {
  const [quota, images] = await Promise.all([
    showImageQuota(scope).catch(() => ({ memberQuota: undefined })),
    mapPool(imageIds, MEMBER_CONCURRENCY, async (id) => {
      const image = await showImage(scope, id);
      const members = image.owner === scope.projectId ? await listImageMembers(scope, id) : [];
      return { image, members };
    }),
  ]);
  return images.map(({ image, members }) => factsOf(scope, image, members, quota.memberQuota));
}
