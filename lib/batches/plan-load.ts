import "server-only";
import type { StoredSession } from "@/lib/auth/session-store";
import { listPhoneImageMembers, listPhoneImages } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import { listAuthProjects } from "@/lib/cloud/iam";
import { listImages, showImageQuota, type Scope } from "@/lib/cloud/ims";
import type { PhoneImage } from "@/lib/cloud/schemas/cph";
import { windowsRestrictedRegions } from "@/lib/env";
import { factsOf, MEMBER_CONCURRENCY, readImage } from "@/lib/sharing/load";
import { PHONE_MEMBER_LIMIT } from "@/lib/sharing/phone-plan";
import { mapPool } from "@/lib/sharing/pool";
import { kindOf, shareBlocker, type ImageKind } from "@/lib/sharing/shareability";
import { markPageWhole } from "@/lib/sharing/whole";
import type { BatchImageFacts } from "./plan";
import type { ImageService } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IMS image ids are UUIDs; anything else is taken for a CPH image id. */
export function serviceOf(imageId: string): ImageService {
  return UUID.test(imageId) ? "ims" : "cph";
}

const NOT_OWNED = "Owned by another project: only the owner can change its members.";
const notFound = (id: string, service: ImageService): BatchImageFacts => {
  const reason = `Not found: no ${service === "ims" ? "IMS" : "phone"} image of this project has this id.`;
  return { id, name: id, service, owned: false, shareBlocker: reason, unshareBlocker: reason, memberIds: [], limit: 0 };
};

/** A failed read that only costs this image (gone, invisible), not the whole plan. */
function isMissing(e: unknown): boolean {
  return e instanceof CloudError && (e.status === 404 || e.status === 400);
}

async function loadImsImages(scope: Scope, ids: string[]): Promise<BatchImageFacts[]> {
  if (ids.length === 0) return [];
  const [quota, loaded] = await Promise.all([
    showImageQuota(scope).catch(() => ({ memberQuota: undefined })),
    mapPool(ids, MEMBER_CONCURRENCY, async (id) => {
      try {
        return await readImage(scope, id);
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    }),
  ]);
  return loaded.map((l, k): BatchImageFacts => {
    if (!l) return notFound(ids[k], "ims");
    const facts = factsOf(scope, l.image, l.members, quota.memberQuota);
    const owned = l.image.owner === scope.projectId;
    return {
      id: facts.id,
      name: facts.name,
      service: "ims",
      owned,
      shareBlocker: facts.blocker?.reason,
      unshareBlocker: owned ? undefined : NOT_OWNED,
      memberIds: l.members.map((m) => m.member_id),
      limit: facts.limit,
    };
  });
}

/** Most phone images read (100 a page); CPH has no "show image" call, so the list is read once. */
const PHONE_PAGES = 10;

async function listOwnPhoneImages(scope: Scope): Promise<PhoneImage[]> {
  const all: PhoneImage[] = [];
  for (let page = 0; page < PHONE_PAGES; page++) {
    const res = await listPhoneImages(scope, { image_type: "private", offset: page * 100, limit: 100 });
    all.push(...res.images);
    if (res.images.length < 100 || all.length >= res.total) break;
  }
  return all;
}

async function loadPhoneImages(scope: Scope, ids: string[]): Promise<BatchImageFacts[]> {
  if (ids.length === 0) return [];
  const own = new Map((await listOwnPhoneImages(scope)).map((i) => [i.image_id, i]));
  return mapPool(ids, MEMBER_CONCURRENCY, async (id): Promise<BatchImageFacts> => {
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
    };
  });
}

/** The user's own projects; IAM being unavailable only costs the region rule. */
function ownProjects(session: StoredSession) {
  return listAuthProjects(session.token, session.region).catch((e: unknown) => {
    if (e instanceof CloudError && e.isUnauthenticated) throw e;
    return [];
  });
}

/** Everything a batch plan needs, read concurrently: each image with its members, and the user's projects. */
export async function loadBatchFacts(scope: Scope, session: StoredSession, imageIds: string[]) {
  const ims = imageIds.filter((id) => serviceOf(id) === "ims");
  const cph = imageIds.filter((id) => serviceOf(id) === "cph");
  const [imsFacts, cphFacts, projects] = await Promise.all([
    loadImsImages(scope, ims),
    loadPhoneImages(scope, cph),
    ownProjects(session),
  ]);
  const byId = new Map([...imsFacts, ...cphFacts].map((f) => [f.id, f]));
  return {
    images: imageIds.map((id) => byId.get(id) ?? notFound(id, serviceOf(id))),
    knownProjects: projects.map((p) => ({ id: p.id, name: p.name })),
  };
}

/** An image the planner's checklist offers. */
export interface PickableImage {
  id: string;
  name: string;
  service: ImageService;
  kind?: ImageKind;
  /** Why IMS would refuse to share it, in a word or two and a sentence. */
  blocker?: { label: string; reason: string };
}

/** Most IMS images the checklist lists; more can be pasted by id. */
const PICKER_IMS_PAGES = 5;

async function listPickableIms(scope: Scope): Promise<{ images: PickableImage[]; more: boolean }> {
  const images: PickableImage[] = [];
  let marker: string | undefined;
  for (let page = 0; page < PICKER_IMS_PAGES; page++) {
    const query = { owner: scope.projectId, limit: 100, marker, sort_key: "name", sort_dir: "asc" } as const;
    const batch = await listImages(scope, query);
    for (const image of await markPageWhole(scope, query, batch)) {
      const blocker = shareBlocker(image, {
        projectId: scope.projectId,
        region: scope.region,
        windowsRestrictedRegions,
      });
      images.push({
        id: image.id,
        name: image.name,
        service: "ims",
        kind: kindOf(image),
        ...(blocker ? { blocker: { label: blocker.label, reason: blocker.reason } } : {}),
      });
    }
    if (batch.length < 100) return { images, more: false };
    marker = batch[batch.length - 1].id;
  }
  return { images, more: true };
}

/** The project's own images for the checklist: IMS (with why each cannot be shared) and CPH. */
export async function listPickableImages(
  scope: Scope,
): Promise<{ ims: PickableImage[]; cph: PickableImage[]; more: boolean }> {
  const [ims, phones] = await Promise.all([listPickableIms(scope), listOwnPhoneImages(scope)]);
  const cph = phones.map((p): PickableImage => ({ id: p.image_id, name: p.image_name, service: "cph" }));
  return { ims: ims.images, cph, more: ims.more };
}
