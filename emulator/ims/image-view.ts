import { createHash } from "node:crypto";
import type { DisputedConfig } from "../core/config";
import type { Emu } from "../core/context";
import { withNulls } from "../core/nulls";
import { isoSeconds } from "../core/time";
import type { ImsImage, ImsMember } from "../store/types";

/** How one image appears to one project (reference 3.1 and 11.6). */
export interface Sighting {
  image: ImsImage;
  /** The caller's membership, for an image shared with it (any status). */
  membership?: ImsMember;
  visibility: "public" | "private" | "shared";
  imagetype: "gold" | "private" | "shared" | "market";
}

/** The image object of the IMS list and detail APIs. */
export interface ImageBody {
  id: string;
  name: string;
  status: ImsImage["status"];
  owner: string;
  visibility: Sighting["visibility"];
  __imagetype: Sighting["imagetype"];
  __os_type: ImsImage["osType"];
  __platform: string;
  __os_version: string;
  __os_bit: ImsImage["osBit"];
  virtual_env_type: "FusionCompute" | "DataImage";
  __isregistered: "true";
  __image_source_type: "uds";
  __image_size: string;
  disk_format: string;
  container_format: "bare";
  min_disk: number;
  min_ram: number;
  protected: boolean;
  tags: string[];
  created_at: string;
  updated_at: string;
  active_at: string;
  self: string;
  file: string;
  schema: "/v2/schemas/image";
  enterprise_project_id: "0";
  size: null;
  virtual_size: null;
  checksum: string;
  architecture: ImsImage["architecture"];
  __system_encrypted: "0" | "1";
  /** Absent under section 14 D4 reading B; the optional fields are null instead of absent under D2 reading B. */
  __whole_image?: "true" | null;
  __backup_id?: string | null;
  __system__cmkid?: string | null;
  __productcode?: string | null;
}

const OPTIONAL_STRINGS = ["__backup_id", "__system__cmkid", "__productcode"] as const;

/** Undefined when the project cannot see the image: deleted, or neither its own, public nor shared with it. */
export function sight(emu: Emu, image: ImsImage, projectId: string): Sighting | undefined {
  if (image.status === "deleted") return undefined;
  if (image.imagetype === "gold") return { image, visibility: "public", imagetype: "gold" };
  const owned = image.owner === projectId;
  const membership = owned ? undefined : emu.world.membershipOf(image.id, projectId);
  if (!owned && !membership) return undefined;
  if (image.imagetype === "market") return { image, membership, visibility: "private", imagetype: "market" };
  if (membership) return { image, membership, visibility: "shared", imagetype: "shared" };
  // The owner sees "shared" while the image has members of any status (OTC note, reference 11.6).
  return emu.world.memberCount(image.id) > 0
    ? { image, visibility: "shared", imagetype: "shared" }
    : { image, visibility: "private", imagetype: "private" };
}

export function virtualEnvType(image: ImsImage): ImageBody["virtual_env_type"] {
  return image.kind === "data" ? "DataImage" : "FusionCompute";
}

/** The image as the disputed readings in force (section 14 D2, D4) have it answered. */
export function imageView({ image, visibility, imagetype }: Sighting, disputed: DisputedConfig): ImageBody {
  const self = `/v2/images/${image.id}`;
  const wholeAttribute = disputed.wholeImageAttribute === "A";
  const body: ImageBody = {
    id: image.id,
    name: image.name,
    status: image.status,
    owner: image.owner,
    visibility,
    __imagetype: imagetype,
    __os_type: image.osType,
    __platform: image.platform,
    __os_version: image.osVersion,
    __os_bit: image.osBit,
    virtual_env_type: virtualEnvType(image),
    __isregistered: "true",
    __image_source_type: "uds",
    __image_size: String(image.sizeBytes),
    disk_format: image.diskFormat,
    container_format: "bare",
    min_disk: image.minDisk,
    min_ram: image.minRam,
    protected: image.protected,
    tags: [...image.tags],
    created_at: isoSeconds(image.createdAt),
    updated_at: isoSeconds(image.updatedAt),
    active_at: isoSeconds(image.updatedAt),
    self,
    file: `${self}/file`,
    schema: "/v2/schemas/image",
    enterprise_project_id: "0",
    size: null,
    virtual_size: null,
    checksum: createHash("md5").update(image.id).digest("hex"),
    architecture: image.architecture,
    __system_encrypted: image.encryption ? "1" : "0",
    ...(wholeAttribute && image.kind === "whole" ? { __whole_image: "true" as const } : {}),
    ...(image.backupId ? { __backup_id: image.backupId } : {}),
    ...(image.encryption ? { __system__cmkid: image.encryption.cmkId } : {}),
    ...(image.imagetype === "market" ? { __productcode: productCode(image.id) } : {}),
  };
  if (disputed.nullOptionalFields === "A") return body;
  return withNulls(body, wholeAttribute ? [...OPTIONAL_STRINGS, "__whole_image"] : OPTIONAL_STRINGS);
}

/** Marketplace product codes look like `00301-12345-0--0`; derived from the id so they stay stable. */
function productCode(imageId: string): string {
  const n = parseInt(imageId.replace(/-/g, "").slice(0, 8), 16) % 100_000;
  return `00301-${String(n).padStart(5, "0")}-0--0`;
}
