import type { Image } from "@/lib/cloud/schemas/ims";
import { text, type Text, type TextValues } from "@/lib/i18n/text";

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

/** 10 for a full-ECS image; the quota API's limit otherwise, and when the kind is unknown (never a guessed 10). */
export function memberLimitOf(image: KindFacts, quota?: number): number {
  return kindOf(image) === "whole" ? WHOLE_IMAGE_MEMBER_LIMIT : (quota ?? DEFAULT_MEMBER_LIMIT);
}

/** The reasons IMS refuses to share an image (`sharing.blockers` in the catalogues). */
export type BlockerKind = "public" | "notOwner" | "marketplace" | "notActive" | "encrypted" | "notFromCbr" | "windows";

export interface Blocker {
  /** The IMS code the cloud would answer. */
  code: string;
  kind: BlockerKind;
  /** A word or two for a badge. */
  label: Text;
  /** One line a tenant admin understands before trying. */
  reason: Text;
}

const blocker = (code: string, kind: BlockerKind, values?: TextValues): Blocker => ({
  code,
  kind,
  label: text(`sharing.blockers.${kind}.label`),
  reason: text(`sharing.blockers.${kind}.reason`, values),
});

/**
 * Why IMS would refuse to share this image, decided from its fields before anything is sent
 * (reference section 5), or undefined when it can be shared.
 */
export function shareBlocker(
  image: Image & KindFacts,
  ctx: { projectId: string; region: string; windowsRestrictedRegions: string[] },
): Blocker | undefined {
  if (image.__imagetype === "gold" || image.visibility === "public") return blocker("IMG.0089", "public");
  if (image.owner !== ctx.projectId) return blocker("IMG.0047", "notOwner");
  if (image.__imagetype === "market" || image.__productcode) return blocker("IMG.0105", "marketplace");
  if (image.status !== "active") return blocker("IMG.0046", "notActive", { status: image.status });
  if (image.__system__cmkid) return blocker("IMG.0098", "encrypted");
  if (kindOf(image) === "whole" && !image.__backup_id) return blocker("IMG.0135", "notFromCbr");
  if (image.__os_type === "Windows" && ctx.windowsRestrictedRegions.includes(ctx.region))
    return blocker("IMG.0105", "windows", { region: ctx.region });
  return undefined;
}
