import "server-only";
import { listPhoneImageMembers } from "@/lib/cloud/cph";
import { listImageMembers, listImages, showImageQuota, type ListImagesQuery, type Scope } from "@/lib/cloud/ims";
import type { Member } from "@/lib/cloud/schemas/ims";
import { factsOf, MEMBER_CONCURRENCY } from "@/lib/sharing/load";
import { listOwnPhoneImages } from "@/lib/sharing/phones";
import { mapPool } from "@/lib/sharing/pool";
import { PHONE_MEMBER_LIMIT, type ImageFacts } from "@/lib/sharing/rules";
import { kindOf } from "@/lib/sharing/shareability";
import { markPageWhole, type KnownImage } from "@/lib/sharing/whole";
import type { WorldImage, WorldMember } from "./types";

/**
 * The project's own images, IMS and CPH, with the facts the sharing rules read, and their members: what
 * a plan and an export start from. Members are read only for the images asked for, one read per image.
 */

const PAGE = 100;

/** Every IMS image the project owns, page after page (markers), each page's kinds read as the lists read them. */
async function ownImsImages(scope: Scope): Promise<KnownImage[]> {
  const pages: { query: ListImagesQuery; images: KnownImage[] }[] = [];
  let marker: string | undefined;
  for (;;) {
    const query = { owner: scope.projectId, limit: PAGE, marker, sort_key: "name", sort_dir: "asc" } as const;
    const images = await listImages(scope, query);
    pages.push({ query, images });
    if (images.length < PAGE) break;
    marker = images[images.length - 1].id;
  }
  const marked = await mapPool(pages, MEMBER_CONCURRENCY, (p) => markPageWhole(scope, p.query, p.images));
  return marked.flat();
}

/** The own images' facts with no members yet (`withMembers` reads them). */
export async function listOwnImages(scope: Scope): Promise<WorldImage[]> {
  const [quota, ims, phones] = await Promise.all([
    showImageQuota(scope).catch(() => ({ memberQuota: undefined })),
    ownImsImages(scope),
    listOwnPhoneImages(scope),
  ]);
  const imsFacts = ims.map((image): ImageFacts => {
    const facts = factsOf(scope, image, [], quota.memberQuota);
    return {
      id: image.id,
      name: image.name,
      service: "ims",
      owned: true,
      shareBlocker: facts.blocker?.reason,
      memberIds: [],
      limit: facts.limit,
      kind: kindOf(image),
      tags: image.tags ?? [],
      encrypted: Boolean(image.__system__cmkid),
    };
  });
  const phoneFacts = phones.map((p): ImageFacts => ({
    id: p.image_id,
    name: p.image_name,
    service: "cph",
    owned: true,
    memberIds: [],
    limit: PHONE_MEMBER_LIMIT,
    kind: "phone",
    tags: [],
    encrypted: false,
  }));
  return [...imsFacts, ...phoneFacts].map((facts) => ({ facts }));
}

const KIND = { project: "project", domain: "account", organization: "organization" } as const;

/** An IMS member as the manifest names it: accounts by id, organizations by URN (none without one). */
function imsMember(m: Member): WorldMember {
  const kind = KIND[m.member_type];
  const value = kind === "organization" ? m.urn : m.member_id;
  return { memberId: m.member_id, kind, ...(value && { value }), status: m.status };
}

/**
 * The members of these images, read concurrently (one read per image): the facts' `memberIds` are
 * filled in, so the sharing rules count them. Images not in `ids` are given back as they are.
 */
export async function withMembers(scope: Scope, images: WorldImage[], ids: ReadonlySet<string>): Promise<WorldImage[]> {
  const wanted = images.filter((i) => ids.has(i.facts.id));
  const read = await mapPool(wanted, MEMBER_CONCURRENCY, async ({ facts }): Promise<WorldMember[]> => {
    if (facts.service === "cph")
      return (await listPhoneImageMembers(scope, facts.id)).map((m) => ({
        memberId: m.member_id,
        kind: "project",
        value: m.member_id,
      }));
    return (await listImageMembers(scope, facts.id)).map(imsMember);
  });
  const members = new Map(wanted.map((w, k) => [w.facts.id, read[k]]));
  return images.map((image) => {
    const list = members.get(image.facts.id);
    if (!list) return image;
    return { facts: { ...image.facts, memberIds: list.map((m) => m.memberId) }, members: list };
  });
}
