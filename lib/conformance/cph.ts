import type { SignedIn } from "./iam";
import type { NullSurvey } from "./nulls";
import { notTried, readingA, readingB, unclear, type Finding } from "./rows";
import { describe, isObject, type Answer, type Wire } from "./wire";

/** An id no CPH image has: sharing it creates nothing. */
export const UNKNOWN_CPH_IMAGE = "00000000000000000000000000000000";
const LOOKED_AT = 10;

export interface CphFacts {
  /** Why CPH could not be looked at (not offered in the region, no permission). */
  unavailable?: string;
  images: { id: string; members: string[] }[];
}

const base = (s: SignedIn) => `/v1/${s.projectId}/cloud-phone/images`;

/** The project's CPH images (reference 9.1, for D2) and the members of the first few (9.3, no parameters). */
export async function surveyCph(wire: Wire, s: SignedIn, survey: NullSurvey): Promise<CphFacts> {
  const listed = await wire.call("cph", "GET", base(s), { token: s.token, query: { image_type: "private" } });
  if (listed.status !== 200) return { unavailable: `the CPH image list answered ${describe(listed)}`, images: [] };
  survey.look("CPH image list", listed.body);
  const infos =
    isObject(listed.body) && Array.isArray(listed.body.image_infos) ? listed.body.image_infos.filter(isObject) : [];
  const images: CphFacts["images"] = [];
  for (const info of infos.slice(0, LOOKED_AT)) {
    const id = String(info.image_id);
    const members = await wire.call("cph", "GET", `${base(s)}/${id}/members`, { token: s.token });
    images.push({ id, members: memberIdsOf(members) });
  }
  return { images };
}

function memberIdsOf(a: Answer): string[] {
  const list = isObject(a.body) && Array.isArray(a.body.members) ? a.body.members.filter(isObject) : [];
  return list.map((m) => String(m.member_id));
}

/** D6: the CPH member list with `limit=1`: 200 is reading A, 400 (no query parameters known) reading B. */
export async function probeCphPaging(wire: Wire, s: SignedIn, facts: CphFacts): Promise<Finding> {
  if (facts.unavailable) return notTried("D6", facts.unavailable);
  const image = facts.images[0];
  if (!image) return notTried("D6", "the project has no CPH image");
  const answer = await wire.call("cph", "GET", `${base(s)}/${image.id}/members`, {
    token: s.token,
    query: { limit: 1 },
  });
  const evidence = `the CPH member list with limit=1 answered ${describe(answer)}`;
  if (answer.status === 200) return readingA("D6", evidence);
  if (answer.status === 400) return readingB("D6", evidence);
  return unclear("D6", evidence);
}

/**
 * D8: a CPH share to an unknown image (400 `CPS.0030` A, 404 B) and, when an image already has a
 * member, sharing it with that member again (400 A, 409 B). Neither creates anything.
 */
export async function probeCphErrors(wire: Wire, s: SignedIn, facts: CphFacts, member: string): Promise<Finding> {
  if (facts.unavailable) return notTried("D8", facts.unavailable);
  const unknown = await wire.call("cph", "POST", `${base(s)}/${UNKNOWN_CPH_IMAGE}/members`, {
    token: s.token,
    body: { member },
  });
  const readings = [reading(unknown, 404)];
  const parts = [`a share of an unknown image answered ${describe(unknown)}`];
  // The image with the fewest members, so that a limit reached does not stand in for the duplicate.
  const shared = facts.images
    .filter((i) => i.members.length > 0)
    .sort((a, b) => a.members.length - b.members.length)[0];
  if (shared) {
    const again = await wire.call("cph", "POST", `${base(s)}/${shared.id}/members`, {
      token: s.token,
      body: { member: shared.members[0] },
    });
    readings.push(reading(again, 409));
    parts.push(`sharing an image again with an existing member ${describe(again)}`);
  } else {
    parts.push("no CPH image with a member to try a duplicate on");
  }
  const evidence = parts.join("; ");
  if (readings.every((r) => r === "A")) return readingA("D8", evidence);
  if (readings.every((r) => r === "B")) return readingB("D8", evidence);
  return unclear("D8", evidence);
}

function reading(a: Answer, statusOfB: number): "A" | "B" | "?" {
  if (a.status === 400) return "A";
  return a.status === statusOfB ? "B" : "?";
}
