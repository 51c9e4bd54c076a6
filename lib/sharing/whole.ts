import "server-only";
import { CloudError } from "@/lib/cloud/errors";
import { listImages, type ListImagesQuery, type Scope } from "@/lib/cloud/ims";
import type { Image } from "@/lib/cloud/schemas/ims";
import { wholeFromFields, type KindFacts } from "./shareability";

/** An image with what the `__whole_image=true` list filter said about it, where it was asked. */
export type KnownImage = Image & Pick<KindFacts, "wholeByFilter">;

/**
 * The ids a `__whole_image=true` answer names, or undefined when the answer cannot be trusted: it
 * holds an image whose own fields say it is not full-ECS (a cloud that ignores the filter).
 */
export function trustedWholeIds(answer: Image[]): Set<string> | undefined {
  if (answer.some((i) => wholeFromFields(i) === false)) return undefined;
  return new Set(answer.map((i) => i.id));
}

/** Marks the images whose fields do not tell their kind with the filter's verdict (none when untrusted). */
export function markWhole<T extends Image>(images: T[], whole: Set<string> | undefined): (T & KnownImage)[] {
  if (!whole) return images;
  return images.map((i) => (wholeFromFields(i) === undefined ? { ...i, wholeByFilter: whole.has(i.id) } : i));
}

/**
 * For the recipient's inbox and its accept: a cloud that does not know the `__whole_image` filter
 * refuses it (400), and the kinds then stay unknown. Any other failure (5xx or a timeout after the
 * retries, an expired token) is the read's own and is thrown: the inbox says it could not load, and an
 * accept does not go ahead on a guess.
 */
export function filterRefused(e: unknown): undefined {
  if (e instanceof CloudError && e.status === 400) return undefined;
  throw e;
}

/**
 * For the owner's images the filter's answer only refines a label and a limit (an unknown kind shows the
 * quota's limit and blocks nothing; IMS still judges each pair), so a failed read leaves the kinds unknown
 * rather than failing the page it is one read of.
 */
const ask = (scope: Scope, query: ListImagesQuery) => listImages(scope, query).catch(() => undefined);

/**
 * The kinds of one page of a list (D4: image objects may not carry `__whole_image`). One more list
 * call with the same scope, order and marker plus `__whole_image=true` names every full-ECS image the
 * page can hold (its first `limit` full-ECS images from the same point). When that answer is the
 * whole page, a `__whole_image=false` call checks the filter is honoured (the two must not overlap).
 * A page whose fields already tell every kind costs nothing; a failed or untrusted answer leaves the
 * kinds unknown.
 */
export async function markPageWhole(scope: Scope, query: ListImagesQuery, page: Image[]): Promise<KnownImage[]> {
  const unsure = page.filter((i) => wholeFromFields(i) === undefined);
  if (unsure.length === 0) return page;
  const base: ListImagesQuery = { ...query, virtual_env_type: undefined, __whole_image: undefined };
  const answer = query.__whole_image === "true" ? page : await ask(scope, { ...base, __whole_image: "true" });
  let whole = answer && trustedWholeIds(answer);
  if (whole && unsure.every((i) => whole!.has(i.id)) && unsure.length > 1) {
    const others = await ask(scope, { ...base, __whole_image: "false" });
    if (!others || others.some((i) => whole!.has(i.id))) whole = undefined;
  }
  return markWhole(page, whole);
}

/**
 * The kind of one image: `id=<id>&__whole_image=true` within the images the project sees it among
 * (its own, or those shared with it in `status`). An answer naming another image means the cloud
 * ignored a filter: the kind stays unknown.
 */
export async function markImageWhole(
  scope: Scope,
  image: Image,
  status?: "pending" | "accepted" | "rejected",
): Promise<KnownImage> {
  if (wholeFromFields(image) !== undefined) return image;
  const among: ListImagesQuery | undefined =
    image.owner === scope.projectId
      ? { owner: scope.projectId }
      : status
        ? { visibility: "shared", member_status: status }
        : undefined;
  if (!among) return image;
  const answer = await ask(scope, { ...among, id: image.id, __whole_image: "true" });
  if (!answer || answer.some((i) => i.id !== image.id)) return image;
  return markWhole([image], trustedWholeIds(answer))[0];
}
