import "server-only";
import type { Scope } from "@/lib/cloud/ims";
import { listImages } from "@/lib/cloud/ims";
import { windowsRestrictedRegions } from "@/lib/env";
import type { ImageService } from "@/lib/sharing/pairs";
import { listOwnPhoneImages } from "@/lib/sharing/phones";
import { kindOf, shareBlocker, type ImageKind } from "@/lib/sharing/shareability";
import { markPageWhole } from "@/lib/sharing/whole";
import type { Text } from "@/lib/i18n/text";

/** An image the planner's checklist offers. */
export interface PickableImage {
  id: string;
  name: string;
  service: ImageService;
  kind?: ImageKind;
  /** Why IMS would refuse to share it, in a word or two and a sentence. */
  blocker?: { label: Text; reason: Text };
}

/** Most IMS images the checklist lists; more can be pasted by id. */
const PICKER_IMS_PAGES = 5;

async function listPickableIms(scope: Scope): Promise<{ images: PickableImage[]; more: boolean }> {
  const images: PickableImage[] = [];
  let marker: string | undefined;
  for (let page = 0; page < PICKER_IMS_PAGES; page++) {
    const query = { owner: scope.projectId, limit: 100, marker, sort_key: "name", sort_dir: "asc" } as const;
    const batch = await listImages(scope, query);
    for (const image of await markPageWhole(scope, query, batch)) {
      const blocker = shareBlocker(image, {
        projectId: scope.projectId,
        region: scope.region,
        windowsRestrictedRegions,
      });
      images.push({
        id: image.id,
        name: image.name,
        service: "ims",
        kind: kindOf(image),
        ...(blocker ? { blocker: { label: blocker.label, reason: blocker.reason } } : {}),
      });
    }
    if (batch.length < 100) return { images, more: false };
    marker = batch[batch.length - 1].id;
  }
  return { images, more: true };
}

/** The project's own images for the checklist: IMS (with why each cannot be shared) and CPH. */
export async function listPickableImages(
  scope: Scope,
): Promise<{ ims: PickableImage[]; cph: PickableImage[]; more: boolean }> {
  const [ims, phones] = await Promise.all([listPickableIms(scope), listOwnPhoneImages(scope)]);
  const cph = phones.map((p): PickableImage => ({ id: p.image_id, name: p.image_name, service: "cph" }));
  return { ims: ims.images, cph, more: ims.more };
}
