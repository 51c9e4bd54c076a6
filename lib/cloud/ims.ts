import "server-only";
import { cloudRequest } from "./request";
import { imageListSchema } from "./schemas/ims";

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
}

/** `GET /v2/cloudimages`: one page; the next page starts after the last id (`marker`). */
export async function listImages(scope: Scope, query: ListImagesQuery) {
  const res = await cloudRequest({
    service: "ims",
    region: scope.region,
    method: "GET",
    path: "/v2/cloudimages",
    token: scope.token,
    query: { ...query },
    output: imageListSchema,
  });
  return res.data.images;
}
