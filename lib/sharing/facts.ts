import "server-only";
import type { StoredSession } from "@/lib/auth/session-store";
import { listPhoneImageMembers } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import { listAuthProjects } from "@/lib/cloud/iam";
import { UUID } from "@/lib/ids";
import { showImageQuota, type Scope } from "@/lib/cloud/ims";
import { factsOf, MEMBER_CONCURRENCY, readImage } from "./load";
import type { ImageService } from "./pairs";
import { listOwnPhoneImages } from "./phones";
import { mapPool } from "./pool";
import { PHONE_MEMBER_LIMIT, REASONS, type ImageFacts } from "./rules";
import { kindOf } from "./shareability";

/** IMS image ids are UUIDs; anything else is taken for a CPH image id. */
export function serviceOf(imageId: string): ImageService {
  return UUID.test(imageId) ? "ims" : "cph";
}

function notFound(id: string, service: ImageService): ImageFacts {
  const reason = REASONS.notFound(service);
  return {
    id,
    name: id,
    service,
    owned: false,
    shareBlocker: reason,
    unshareBlocker: reason,
    memberIds: [],
    limit: 0,
    kind: service === "cph" ? "phone" : "unknown",
    tags: [],
    encrypted: false,
  };
}

/** A failed read that only costs this image (gone, invisible), not the whole plan. */
function isMissing(e: unknown): boolean {
  return e instanceof CloudError && (e.status === 404 || e.status === 400);
}

async function imsFacts(scope: Scope, ids: string[]): Promise<ImageFacts[]> {
  if (ids.length === 0) return [];
  const [quota, loaded] = await Promise.all([
    showImageQuota(scope).catch(() => ({ memberQuota: undefined })),
    mapPool(ids, MEMBER_CONCURRENCY, (id) =>
      readImage(scope, id).catch((e) => (isMissing(e) ? undefined : Promise.reject(e))),
    ),
  ]);
  return loaded.map((l, k): ImageFacts => {
    if (!l) return notFound(ids[k], "ims");
    const facts = factsOf(scope, l.image, l.members, quota.memberQuota);
    const owned = l.image.owner === scope.projectId;
    return {
      id: facts.id,
      name: facts.name,
      service: "ims",
      owned,
      shareBlocker: facts.blocker?.reason,
      unshareBlocker: owned ? undefined : REASONS.notOwned,
      memberIds: l.members.map((m) => m.member_id),
      limit: facts.limit,
      kind: kindOf(l.image),
      tags: l.image.tags ?? [],
      encrypted: Boolean(l.image.__system__cmkid),
    };
  });
}

async function phoneFacts(scope: Scope, ids: string[]): Promise<ImageFacts[]> {
  if (ids.length === 0) return [];
  const own = new Map((await listOwnPhoneImages(scope)).map((i) => [i.image_id, i]));
  return mapPool(ids, MEMBER_CONCURRENCY, async (id): Promise<ImageFacts> => {
    const image = own.get(id);
    if (!image) return notFound(id, "cph");
    const members = await listPhoneImageMembers(scope, id);
    return {
      id,
      name: image.image_name,
      service: "cph",
      owned: true,
      memberIds: members.map((m) => m.member_id),
      limit: PHONE_MEMBER_LIMIT,
      kind: "phone",
      tags: [],
      encrypted: false,
    };
  });
}

/** The user's own projects, to name targets and members; IAM being unavailable only costs the names and the region rule. */
export function ownProjects(session: StoredSession): Promise<{ id: string; name: string }[]> {
  return listAuthProjects(session.token, session.region).then(
    (projects) => projects.map((p) => ({ id: p.id, name: p.name })),
    (e: unknown) => {
      if (e instanceof CloudError && e.isUnauthenticated) throw e;
      return [];
    },
  );
}

/**
 * Everything a plan needs, read concurrently: each image (IMS or CPH, by its id) with its members and
 * limit, and the user's projects. An image that cannot be read comes back blocked as not found.
 */
export async function loadFacts(
  scope: Scope,
  session: StoredSession,
  imageIds: string[],
  /** The service of every image, when the caller knows it; else each id tells. */
  service?: ImageService,
): Promise<{ images: ImageFacts[]; knownProjects: { id: string; name: string }[] }> {
  const of = (id: string) => service ?? serviceOf(id);
  const ims = imageIds.filter((id) => of(id) === "ims");
  const cph = imageIds.filter((id) => of(id) === "cph");
  const [imsList, cphList, knownProjects] = await Promise.all([
    imsFacts(scope, ims),
    phoneFacts(scope, cph),
    ownProjects(session),
  ]);
  const byId = new Map([...imsList, ...cphList].map((f) => [f.id, f]));
  return { images: imageIds.map((id) => byId.get(id) ?? notFound(id, of(id))), knownProjects };
}
