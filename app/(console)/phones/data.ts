import "server-only";
import type { StoredSession } from "@/lib/auth/session-store";
import { listPhoneImageMembers, listPhoneImages } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import { listAuthProjects } from "@/lib/cloud/iam";
import type { Scope } from "@/lib/cloud/ims";
import type { PhoneImage } from "@/lib/cloud/schemas/cph";

/** CPH image ids are 32 characters of digits and letters; anything far from that is not looked up. */
export const PHONE_IMAGE_ID = /^[0-9A-Za-z_-]{1,64}$/;

/** One of the project's own phone images, or undefined (CPH has no "show image" call: the list filters by id). */
export async function findPhoneImage(scope: Scope, imageId: string): Promise<PhoneImage | undefined> {
  const { images } = await listPhoneImages(scope, { image_type: "private", image_id: imageId });
  return images.find((i) => i.image_id === imageId);
}

const SEARCH_PAGES = 10;

/**
 * A page of the project's phone images. The cloud's `image_name` filter matches whole names only,
 * so a search reads every page (100 at a time) and matches part of the name here; without a
 * search, the cloud pages with offset and limit.
 */
export async function listPhoneImagesPage(
  scope: Scope,
  { q, offset, limit }: { q?: string; offset: number; limit: number },
) {
  if (!q) return listPhoneImages(scope, { image_type: "private", offset, limit });
  const all: PhoneImage[] = [];
  for (let page = 0; page < SEARCH_PAGES; page++) {
    const res = await listPhoneImages(scope, { image_type: "private", offset: page * 100, limit: 100 });
    all.push(...res.images);
    if (res.images.length < 100 || all.length >= res.total) break;
  }
  const needle = q.toLowerCase();
  const matches = all.filter((i) => i.image_name.toLowerCase().includes(needle));
  return { images: matches.slice(offset, offset + limit), total: matches.length };
}

/** Member counts of several images, read at the same time; a failed read is unknown, not a failed page. */
export function countPhoneImageMembers(scope: Scope, images: PhoneImage[]): Promise<(number | undefined)[]> {
  return Promise.all(
    images.map((image) =>
      listPhoneImageMembers(scope, image.image_id).then(
        (members) => members.length,
        (e: unknown) => {
          if (e instanceof CloudError && e.isUnauthenticated) throw e;
          return undefined;
        },
      ),
    ),
  );
}

/** The user's own projects, to name members; IAM being unavailable only costs the names. */
export function ownProjects(session: StoredSession) {
  return listAuthProjects(session.token, session.region).catch((e: unknown) => {
    if (e instanceof CloudError && e.isUnauthenticated) throw e;
    return [];
  });
}

/** What planning a share needs, read at the same time: the image, its members and the user's projects. */
export async function loadShareFacts(scope: Scope, session: StoredSession, imageId: string) {
  const [image, members, projects] = await Promise.all([
    findPhoneImage(scope, imageId),
    listPhoneImageMembers(scope, imageId),
    ownProjects(session),
  ]);
  if (!image) throw new CloudError("cph", 404, "not_found", "The phone image is not among this project's images.");
  return { image, members, projects };
}
