import "server-only";
import { listPhoneImageMembers, listPhoneImages } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import type { Scope } from "@/lib/cloud/ims";
import type { PhoneImage } from "@/lib/cloud/schemas/cph";
import { isNearLimit, PHONE_MEMBER_LIMIT } from "./rules";

/** One of the project's own phone images, or undefined (CPH has no "show image" call: the list filters by id). */
export async function findPhoneImage(scope: Scope, imageId: string): Promise<PhoneImage | undefined> {
  const { images } = await listPhoneImages(scope, { image_type: "private", image_id: imageId });
  return images.find((i) => i.image_id === imageId);
}

/** Most phone images read (100 a page): CPH has no "show image" call, nor a search by part of a name. */
const PHONE_PAGES = 10;

/** The project's own phone images, every page (up to PHONE_PAGES). */
export async function listOwnPhoneImages(scope: Scope): Promise<PhoneImage[]> {
  const all: PhoneImage[] = [];
  for (let page = 0; page < PHONE_PAGES; page++) {
    const res = await listPhoneImages(scope, { image_type: "private", offset: page * 100, limit: 100 });
    all.push(...res.images);
    if (res.images.length < 100 || all.length >= res.total) break;
  }
  return all;
}

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
  const matches = named(await listOwnPhoneImages(scope), (i) => i.image_name, q);
  return { images: matches.slice(offset, offset + limit), total: matches.length };
}

/** What holds `q` in its name, in any case (the cloud's `image_name` matches whole names only). */
function named<T>(items: T[], name: (item: T) => string, q: string | undefined): T[] {
  const needle = q?.toLowerCase();
  return needle ? items.filter((item) => name(item).toLowerCase().includes(needle)) : items;
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

/**
 * The project's phone images with `NEAR_LIMIT_SHARE` of their 10 members or more (`/phones?full=90`, the
 * overview): every own image listed, all counted at once; one whose members could not be read is left out.
 */
export async function phonesNearLimit(scope: Scope): Promise<{ image: PhoneImage; members: number }[]> {
  const images = await listOwnPhoneImages(scope);
  const counts = await countPhoneImageMembers(scope, images);
  return images.flatMap((image, i) => {
    const members = counts[i];
    return members !== undefined && isNearLimit(members, PHONE_MEMBER_LIMIT) ? [{ image, members }] : [];
  });
}

/** A page of `phonesNearLimit` (`/phones?full=90`), searched as the list is, with each image's count. */
export async function phonesNearLimitPage(
  scope: Scope,
  { q, offset, limit }: { q?: string; offset: number; limit: number },
) {
  const matches = named(await phonesNearLimit(scope), (n) => n.image.image_name, q);
  const page = matches.slice(offset, offset + limit);
  return { images: page.map((n) => n.image), counts: page.map((n) => n.members), total: matches.length };
}
