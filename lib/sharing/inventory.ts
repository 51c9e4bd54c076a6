import "server-only";
import { listPhoneImageMembers } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import { listImageMembers, showImage, type Scope } from "@/lib/cloud/ims";
import { UserError } from "@/lib/errors";
import { PHONE_IMAGE_ID, UUID } from "@/lib/ids";
import { text } from "@/lib/i18n/text";
import { imageListQuery, loadImagePage } from "./image-page";
import { memberLeases } from "./lease-view";
import type { ImageService } from "./pairs";
import { countPhoneImageMembers, findPhoneImage, listOwnPhoneImages } from "./phones";
import type { TargetKind } from "./targets";

/** One of the project's own images as the API lists it. */
interface ImageSummary {
  id: string;
  name: string;
  service: ImageService;
  /** IMS's status (`active`…); a phone image's `creating`, `usable` or `failed`. */
  status: string;
  /** Unknown (absent) when a phone image's members could not be read. */
  memberCount?: number;
}

/** One member of an image as the API lists it; phone image members have no status. */
interface MemberSummary {
  memberId: string;
  kind: TargetKind;
  status?: "pending" | "accepted" | "rejected";
  /** The share's end date, when it has one (lib/sharing/leases). */
  endsAt?: string;
}

/** Pages of 100 the IMS list reads at most: 2,000 images. */
const MAX_IMS_PAGES = 20;
const PHONE_STATUS = ["creating", "usable", "failed"];

/** The project's own IMS images with their member counts, read as the Images page reads them, page after page. */
async function imsImages(scope: Scope): Promise<ImageSummary[]> {
  const out: ImageSummary[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_IMS_PAGES; page++) {
    const { rows, next } = await loadImagePage(scope, imageListQuery.parse({ limit: "100", marker }));
    for (const r of rows)
      out.push({ id: r.id, name: r.name, service: "ims", status: r.image.status, memberCount: r.members.length });
    if (!next) break;
    marker = next;
  }
  return out;
}

async function phoneImages(scope: Scope): Promise<ImageSummary[]> {
  const images = await listOwnPhoneImages(scope);
  const counts = await countPhoneImageMembers(scope, images);
  return images.map((i, k) => ({
    id: i.image_id,
    name: i.image_name,
    service: "cph",
    status: PHONE_STATUS[i.status] ?? String(i.status),
    ...(counts[k] !== undefined && { memberCount: counts[k] }),
  }));
}

/** The project's own images, IMS and CPH or one of them: what an API client shares from. */
export async function ownImages(scope: Scope, service?: ImageService): Promise<ImageSummary[]> {
  const [ims, cph] = await Promise.all([
    service === "cph" ? [] : imsImages(scope),
    service === "ims" ? [] : phoneImages(scope),
  ]);
  return [...ims, ...cph];
}

/** The same refusal for another project's image as for an id nobody has. */
const notOwn = () => new UserError("not_found", text("tokens.errors.imageNotFound"));

const KIND = { project: "project", domain: "account", organization: "organization" } as const;

/**
 * The members of one of the project's own images (IMS by UUID, else CPH), with their end dates. Another
 * project's image, one shared with this project included, is not found, as is an id nobody has.
 */
export async function ownImageMembers(scope: Scope, imageId: string): Promise<MemberSummary[]> {
  const ims = UUID.test(imageId);
  if (!ims && !PHONE_IMAGE_ID.test(imageId)) throw notOwn();
  const leases = await memberLeases(scope.projectId, imageId);
  const endsAt = (memberId: string) => {
    const lease = leases.get(memberId);
    return lease ? { endsAt: new Date(Number(lease.ends_at)).toISOString() } : {};
  };
  if (!ims) {
    if (!(await findPhoneImage(scope, imageId))) throw notOwn();
    const members = await listPhoneImageMembers(scope, imageId);
    return members.map((m) => ({ memberId: m.member_id, kind: "project", ...endsAt(m.member_id) }));
  }
  const image = await showImage(scope, imageId).catch((e: unknown) => {
    if (e instanceof CloudError && (e.status === 404 || e.status === 400)) throw notOwn();
    throw e;
  });
  if (image.owner !== scope.projectId) throw notOwn();
  const members = await listImageMembers(scope, imageId);
  return members.map((m) => ({
    memberId: m.member_id,
    kind: KIND[m.member_type],
    status: m.status,
    ...endsAt(m.member_id),
  }));
}
