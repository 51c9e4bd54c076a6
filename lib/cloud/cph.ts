import "server-only";
import { CloudError } from "./errors";
import type { Scope } from "./ims";
import { cloudRequest, type CloudResponse } from "./request";
import {
  addPhoneImageMemberSchema,
  phoneImageListSchema,
  phoneMemberListSchema,
  phoneRequestIdSchema,
  updatePhoneImageMemberSchema,
  type PhoneImage,
  type PhoneMember,
  type PhoneMemberDecision,
} from "./schemas/cph";

export interface ListPhoneImagesQuery {
  image_type: "private" | "share";
  status?: 0 | 1 | 2;
  offset?: number;
  limit?: number;
  image_id?: string;
  image_name?: string;
}

const cph = (scope: Scope) => ({ service: "cph" as const, region: scope.region, token: scope.token });
const imagePath = (scope: Scope, imageId: string) =>
  `/v1/${scope.projectId}/cloud-phone/images/${encodeURIComponent(imageId)}`;

/** `GET /v1/{project_id}/cloud-phone/images`: one page (offset/limit) and the total that matched. */
export async function listPhoneImages(scope: Scope, query: ListPhoneImagesQuery) {
  const res = await cloudRequest({
    ...cph(scope),
    method: "GET",
    path: `/v1/${scope.projectId}/cloud-phone/images`,
    query: { ...query },
    output: phoneImageListSchema,
  });
  return { images: res.data.image_infos, total: res.data.total ?? res.data.image_infos.length };
}

const IMAGE_PAGE = 100;
/** Most shared images read for one view; beyond it `total` tells how many were left out. */
export const SHARED_IMAGES_CAP = 1_000;

/** `GET …/cloud-phone/images?image_type=share`, every page (offset paging), up to SHARED_IMAGES_CAP images. */
export async function listSharedPhoneImages(scope: Scope): Promise<{ images: PhoneImage[]; total: number }> {
  const images: PhoneImage[] = [];
  let total = 0;
  while (images.length < SHARED_IMAGES_CAP) {
    const page = await listPhoneImages(scope, { image_type: "share", offset: images.length, limit: IMAGE_PAGE });
    images.push(...page.images);
    total = Math.max(page.total, images.length);
    if (page.images.length < IMAGE_PAGE || images.length >= page.total) break;
  }
  return { images: images.slice(0, SHARED_IMAGES_CAP), total };
}

/**
 * `GET …/images/{image_id}/members`: every member in one answer. No query parameters: no SDK has any,
 * and some deployments refuse an unknown one with 400 `CPS.0030` (cloud-api.md section 9.3, D6).
 */
export async function listPhoneImageMembers(scope: Scope, imageId: string): Promise<PhoneMember[]> {
  const res = await cloudRequest({
    ...cph(scope),
    method: "GET",
    path: `${imagePath(scope, imageId)}/members`,
    output: phoneMemberListSchema,
  });
  return res.data.members;
}

/** `POST …/images/{image_id}/members`: shares the image with one project of the same region. */
export async function addPhoneImageMember(scope: Scope, imageId: string, member: string) {
  const res = await cloudRequest({
    ...cph(scope),
    method: "POST",
    path: `${imagePath(scope, imageId)}/members`,
    input: addPhoneImageMemberSchema,
    body: { member },
    output: phoneRequestIdSchema,
  });
  return answered(res);
}

/** `DELETE …/images/{image_id}/members/{member_id}`: stops sharing with one project. */
export async function deletePhoneImageMember(scope: Scope, imageId: string, memberId: string) {
  const res = await cloudRequest({
    ...cph(scope),
    method: "DELETE",
    path: `${imagePath(scope, imageId)}/members/${encodeURIComponent(memberId)}`,
    output: phoneRequestIdSchema,
  });
  return answered(res);
}

/** `PUT …/images/{image_id}/members` by the consumer: accepts or rejects a share; the path holds the caller's project. */
export async function updatePhoneImageMember(scope: Scope, imageId: string, status: PhoneMemberDecision) {
  const res = await cloudRequest({
    ...cph(scope),
    method: "PUT",
    path: `${imagePath(scope, imageId)}/members`,
    input: updatePhoneImageMemberSchema,
    body: { status },
    output: phoneRequestIdSchema,
  });
  return answered(res);
}

/** The member calls may report a failure inside a 200; it is a failure all the same. */
function answered(res: CloudResponse<{ request_id?: string; error_code?: string; error_msg?: string }>) {
  const requestId = res.data.request_id ?? res.requestId;
  if (res.data.error_code)
    throw new CloudError(
      "cph",
      res.status,
      res.data.error_code,
      res.data.error_msg ?? "CPH refused the request.",
      requestId,
    );
  return { requestId };
}
