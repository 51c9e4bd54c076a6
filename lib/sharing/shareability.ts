import type { Image } from "@/lib/cloud/schemas/ims";

/** Members per full-ECS image: documented, and not reported by the quota API. */
export const WHOLE_IMAGE_MEMBER_LIMIT = 10;
/** Members per system or data-disk image when the quota API says nothing (current docs). */
export const DEFAULT_MEMBER_LIMIT = 256;

export type ImageKind = "system" | "data" | "whole";

export function kindOf(image: Pick<Image, "__whole_image" | "virtual_env_type">): ImageKind {
  if (image.__whole_image === true || image.__whole_image === "true") return "whole";
  return image.virtual_env_type === "DataImage" ? "data" : "system";
}

export const KIND_LABEL: Record<ImageKind, string> = { system: "System disk", data: "Data disk", whole: "Full-ECS" };

export function memberLimitOf(image: Pick<Image, "__whole_image" | "virtual_env_type">, quota?: number): number {
  return kindOf(image) === "whole" ? WHOLE_IMAGE_MEMBER_LIMIT : (quota ?? DEFAULT_MEMBER_LIMIT);
}

export interface Blocker {
  /** The IMS code the cloud would answer. */
  code: string;
  /** A word or two for a badge. */
  label: string;
  /** One line a tenant admin understands before trying. */
  reason: string;
}

/**
 * Why IMS would refuse to share this image, decided from its fields before anything is sent
 * (reference section 5), or undefined when it can be shared.
 */
export function shareBlocker(image: Image, ctx: { projectId: string; region: string; windowsRestrictedRegions: string[] }): Blocker | undefined {
  if (image.__imagetype === "gold" || image.visibility === "public") {
    return { code: "IMG.0089", label: "Public image", reason: "Public image: it belongs to Huawei Cloud and cannot be shared." };
  }
  if (image.owner !== ctx.projectId) return { code: "IMG.0047", label: "Not owner", reason: "Owned by another project: only the owner can share it." };
  if (image.__imagetype === "market" || image.__productcode) {
    return { code: "IMG.0105", label: "Marketplace", reason: "Marketplace image: marketplace images cannot be shared." };
  }
  if (image.status !== "active") return { code: "IMG.0046", label: "Not active", reason: `Not active (${image.status}): wait until the image is active.` };
  if (image.__system__cmkid) {
    return { code: "IMG.0098", label: "Encrypted", reason: "Encrypted with a KMS key: IMS refuses to share encrypted images." };
  }
  if (kindOf(image) === "whole" && !image.__backup_id) {
    return { code: "IMG.0135", label: "Not from CBR", reason: "Full-ECS image not created from a CBR backup: only CBR-made full-ECS images can be shared." };
  }
  if (image.__os_type === "Windows" && ctx.windowsRestrictedRegions.includes(ctx.region)) {
    return { code: "IMG.0105", label: "Windows", reason: `Windows image: IMS no longer shares Windows images in ${ctx.region}.` };
  }
  return undefined;
}
