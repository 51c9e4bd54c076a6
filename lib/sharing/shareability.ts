import type { Image } from "@/lib/cloud/schemas/ims";

/** Members per full-ECS image: documented, and not reported by the quota API. */
export const WHOLE_IMAGE_MEMBER_LIMIT = 10;
/** Members per system or data-disk image when the quota API says nothing (current docs). */
export const DEFAULT_MEMBER_LIMIT = 256;

/** `unknown`: IMS said nothing that tells a full-ECS image from a system-disk one (D4). */
export type ImageKind = "system" | "data" | "whole" | "unknown";

/** The image fields that tell its kind, plus what the `__whole_image=true` list filter said (see whole.ts). */
export type KindFacts = Pick<Image, "__whole_image" | "virtual_env_type" | "__backup_id"> & { wholeByFilter?: boolean };

/**
 * Whether the image's own fields say it is a full-ECS image: `__whole_image` where the cloud sends it
 * (true or "true", false or "false"); a `__backup_id` (only full-ECS images made from CBR backups
 * carry one); a data-disk image never is. Undefined when they do not tell: reading B of D4 drops
 * `__whole_image`. `__image_source_type` (uds/swift) and `__data_origin` are not documented as
 * telling the kind and are not used.
 */
export function wholeFromFields(image: KindFacts): boolean | undefined {
  const flag = image.__whole_image;
  if (flag === true || flag === "true") return true;
  if (flag === false || flag === "false") return false;
  if (image.__backup_id) return true;
  if (image.virtual_env_type === "DataImage") return false;
  return undefined;
}

export function kindOf(image: KindFacts): ImageKind {
  const whole = wholeFromFields(image) ?? image.wholeByFilter;
  if (whole === true) return "whole";
  if (image.virtual_env_type === "DataImage") return "data";
  return whole === false ? "system" : "unknown";
}

export const KIND_LABEL: Record<ImageKind, string> = {
  system: "System disk",
  data: "Data disk",
  whole: "Full-ECS",
  unknown: "System disk or full-ECS",
};

/** 10 for a full-ECS image; the quota API's limit otherwise, and when the kind is unknown (never a guessed 10). */
export function memberLimitOf(image: KindFacts, quota?: number): number {
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
export function shareBlocker(
  image: Image & KindFacts,
  ctx: { projectId: string; region: string; windowsRestrictedRegions: string[] },
): Blocker | undefined {
  if (image.__imagetype === "gold" || image.visibility === "public") {
    return {
      code: "IMG.0089",
      label: "Public image",
      reason: "Public image: it belongs to Huawei Cloud and cannot be shared.",
    };
  }
  if (image.owner !== ctx.projectId)
    return { code: "IMG.0047", label: "Not owner", reason: "Owned by another project: only the owner can share it." };
  if (image.__imagetype === "market" || image.__productcode) {
    return {
      code: "IMG.0105",
      label: "Marketplace",
      reason: "Marketplace image: marketplace images cannot be shared.",
    };
  }
  if (image.status !== "active")
    return {
      code: "IMG.0046",
      label: "Not active",
      reason: `Not active (${image.status}): wait until the image is active.`,
    };
  if (image.__system__cmkid) {
    return {
      code: "IMG.0098",
      label: "Encrypted",
      reason: "Encrypted with a KMS key: IMS refuses to share encrypted images.",
    };
  }
  if (kindOf(image) === "whole" && !image.__backup_id) {
    return {
      code: "IMG.0135",
      label: "Not from CBR",
      reason: "Full-ECS image not created from a CBR backup: only CBR-made full-ECS images can be shared.",
    };
  }
  if (image.__os_type === "Windows" && ctx.windowsRestrictedRegions.includes(ctx.region)) {
    return {
      code: "IMG.0105",
      label: "Windows",
      reason: `Windows image: IMS no longer shares Windows images in ${ctx.region}.`,
    };
  }
  return undefined;
}
