import "server-only";
import { cloudRequest } from "./request";
import {
  batchMembersSchema,
  batchUpdateSchema,
  type BatchUpdate,
  imageListSchema,
  imageSchema,
  jobIdSchema,
  jobSchema,
  memberListSchema,
  memberSchema,
  quotaSchema,
  type BatchMembers,
  type Member,
} from "./schemas/ims";

export interface Scope {
  token: string;
  region: string;
  projectId: string;
}

export interface ListImagesQuery {
  owner?: string;
  name?: string;
  limit?: number;
  marker?: string;
  sort_key?: "created_at" | "name" | "status" | "size";
  sort_dir?: "asc" | "desc";
  __imagetype?: "gold" | "private" | "shared" | "market";
  visibility?: "public" | "private" | "shared";
  member_status?: "accepted" | "rejected" | "pending";
  virtual_env_type?: "FusionCompute" | "DataImage";
  __whole_image?: "true" | "false";
  id?: string;
}

const ims = (scope: Scope) => ({ service: "ims" as const, region: scope.region, token: scope.token });

/** `GET /v2/cloudimages`: one page; the next page starts after the last id (`marker`). */
export async function listImages(scope: Scope, query: ListImagesQuery) {
  const res = await cloudRequest({
    ...ims(scope),
    method: "GET",
    path: "/v2/cloudimages",
    query: { ...query },
    output: imageListSchema,
  });
  return res.data.images;
}

/** `GET /v2/images/{id}`: 404 when the image is not visible to the project. */
export async function showImage(scope: Scope, imageId: string) {
  const res = await cloudRequest({
    ...ims(scope),
    method: "GET",
    path: `/v2/images/${encodeURIComponent(imageId)}`,
    output: imageSchema,
  });
  return res.data;
}

/**
 * `GET /v1/cloudimages/quota`: the per-image member limit of system and data-disk images, and the
 * project's private images against its image quota (each absent when IMS leaves it out).
 */
export async function showImageQuota(
  scope: Scope,
): Promise<{ memberQuota?: number; images?: { used: number; quota: number } }> {
  const res = await cloudRequest({ ...ims(scope), method: "GET", path: "/v1/cloudimages/quota", output: quotaSchema });
  const of = (type: string) => res.data.quotas.resources.find((r) => r.type === type);
  const images = of("image");
  return {
    memberQuota: of("image_member")?.quota,
    ...(images?.used !== undefined && images.quota !== undefined
      ? { images: { used: images.used, quota: images.quota } }
      : {}),
  };
}

/** `GET /v1/{project_id}/cloudimages/{image_id}/members`, every page (at most a few hundred members). */
export async function listImageMembers(scope: Scope, imageId: string): Promise<Member[]> {
  const members: Member[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 50; page++) {
    const res = await cloudRequest({
      ...ims(scope),
      method: "GET",
      path: `/v1/${scope.projectId}/cloudimages/${encodeURIComponent(imageId)}/members`,
      query: { limit: 1000, marker },
      output: memberListSchema,
    });
    members.push(...res.data.members);
    marker = res.data.page_info?.next_marker || undefined;
    if (!marker) break;
  }
  return members;
}

/**
 * `GET /v2/images/{image_id}/members/{member_id}` (native): one member. The recipient's documented read
 * of its own membership, with `member_id` its own project id (it answers the entry through which the
 * project sees the image, its own or its account's or OU's); 404 when there is none.
 */
export async function showImageMember(scope: Scope, imageId: string, memberId: string): Promise<Member> {
  const res = await cloudRequest({
    ...ims(scope),
    method: "GET",
    path: `/v2/images/${encodeURIComponent(imageId)}/members/${encodeURIComponent(memberId)}`,
    output: memberSchema,
  });
  return res.data;
}

/** `POST /v1/cloudimages/members`: shares every image with every target; answers a job id. */
export async function batchAddMembers(scope: Scope, body: BatchMembers) {
  const res = await cloudRequest({
    ...ims(scope),
    method: "POST",
    path: "/v1/cloudimages/members",
    input: batchMembersSchema,
    body,
    output: jobIdSchema,
  });
  return { jobId: res.data.job_id, requestId: res.requestId };
}

/** `DELETE /v1/cloudimages/members` (JSON body): stops sharing every image with every target. */
export async function batchDeleteMembers(scope: Scope, body: BatchMembers) {
  const res = await cloudRequest({
    ...ims(scope),
    method: "DELETE",
    path: "/v1/cloudimages/members",
    input: batchMembersSchema,
    body,
    output: jobIdSchema,
  });
  return { jobId: res.data.job_id, requestId: res.requestId };
}

/** `PUT /v1/cloudimages/members`: the recipient accepts or rejects images shared with its project. */
export async function batchUpdateMembers(scope: Scope, body: BatchUpdate) {
  const res = await cloudRequest({
    ...ims(scope),
    method: "PUT",
    path: "/v1/cloudimages/members",
    input: batchUpdateSchema,
    body,
    output: jobIdSchema,
  });
  return { jobId: res.data.job_id, requestId: res.requestId };
}

/** `GET /v1/{project_id}/jobs/{job_id}` (ShowJob, the one with per-item results). */
export async function showJob(scope: Scope, jobId: string) {
  const res = await cloudRequest({
    ...ims(scope),
    method: "GET",
    path: `/v1/${scope.projectId}/jobs/${encodeURIComponent(jobId)}`,
    output: jobSchema,
  });
  return res.data;
}

/** `GET /v1/cloudimages/job/{job_id}` (ShowJobProgress, the recommended one: progress, no results). */
export async function showJobProgress(scope: Scope, jobId: string) {
  const res = await cloudRequest({
    ...ims(scope),
    method: "GET",
    path: `/v1/cloudimages/job/${encodeURIComponent(jobId)}`,
    output: jobSchema,
  });
  return res.data;
}
