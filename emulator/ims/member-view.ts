import type { DisputedConfig } from "../core/config";
import { isoSeconds } from "../core/time";
import type { ImsMember, MemberStatus, MemberType } from "../store/types";

/** A member as every IMS member API serves it (reference section 4.1). */
export interface MemberView {
  status: MemberStatus;
  created_at: string;
  updated_at: string;
  image_id: string;
  member_id: string;
  schema: "/v2/schemas/member";
  member_type: MemberType;
  /** Only for organization members (null for the others under section 14 D2 reading B). */
  urn?: string | null;
}

export function memberView(m: ImsMember, disputed: DisputedConfig): MemberView {
  const nulls = disputed.nullOptionalFields === "B";
  return {
    status: m.status,
    created_at: isoSeconds(m.createdAt),
    updated_at: isoSeconds(m.updatedAt),
    image_id: m.imageId,
    member_id: m.memberId,
    schema: "/v2/schemas/member",
    member_type: m.memberType,
    ...(m.memberType === "organization" && m.urn ? { urn: m.urn } : nulls ? { urn: null } : {}),
  };
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function encodeMarker(key: string): string {
  return Buffer.from(key, "utf8").toString("base64");
}

/** The key a marker names, or undefined when the marker is not canonical base64 of UTF-8 text. */
export function decodeMarker(marker: string): string | undefined {
  if (!BASE64.test(marker) || marker.length % 4 !== 0) return undefined;
  const key = Buffer.from(marker, "base64").toString("utf8");
  return encodeMarker(key) === marker ? key : undefined;
}

export interface Page<T> {
  items: T[];
  /** Base64 of the last item's key when more items follow, else empty. */
  nextMarker: string;
}

/**
 * Up to `limit` items after the one whose key is `afterKey` (from the start when absent).
 * Undefined when `afterKey` names no item: the caller answers 400 rather than guessing a position.
 */
export function pageAfter<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  limit: number,
  afterKey?: string,
): Page<T> | undefined {
  let start = 0;
  if (afterKey !== undefined) {
    const index = items.findIndex((item) => keyOf(item) === afterKey);
    if (index < 0) return undefined;
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + page.length < items.length;
  return { items: page, nextMarker: more && last !== undefined ? encodeMarker(keyOf(last)) : "" };
}
