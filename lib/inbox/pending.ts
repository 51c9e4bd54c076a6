import "server-only";
import { listImages, type Scope } from "@/lib/cloud/ims";

const PAGE = 500;
const MAX_PAGES = 10;

/**
 * The number of IMS images shared with the project whose membership is still pending: every page of
 * `GET /v2/cloudimages?visibility=shared&member_status=pending`, up to 5,000 images.
 */
export async function countPendingImages(scope: Scope): Promise<number> {
  let count = 0;
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const images = await listImages(scope, { visibility: "shared", member_status: "pending", limit: PAGE, marker });
    count += images.length;
    if (images.length < PAGE) break;
    marker = images[images.length - 1].id;
  }
  return count;
}
