import { authenticate, can, type Ctx, type Emu, type Session } from "../core/context";
import { imsError } from "../core/errors";
import type { MemberStatus } from "../store/types";
import { sight, virtualEnvType, type Sighting } from "./image-view";

/** Every image read needs a valid token and `ims:images:get`. */
export function imageReader(c: Ctx, emu: Emu): Session {
  const session = authenticate(c, emu);
  if (!can(session, "ims:images:get")) throw imsError("IMG.0026", 403);
  return session;
}

type Filter = (s: Sighting) => boolean;
type SortValue = string | number;

const SORT_KEYS: Record<string, (s: Sighting) => SortValue> = {
  created_at: (s) => s.image.createdAt,
  updated_at: (s) => s.image.updatedAt,
  name: (s) => s.image.name,
  container_format: () => "bare",
  disk_format: (s) => s.image.diskFormat,
  status: (s) => s.image.status,
  id: (s) => s.image.id,
  size: (s) => s.image.sizeBytes,
};

/** Filters compared as exact strings against the field of the same name on the wire. */
const EXACT: Record<string, (s: Sighting) => string | undefined> = {
  id: (s) => s.image.id,
  name: (s) => s.image.name,
  status: (s) => s.image.status,
  owner: (s) => s.image.owner,
  __os_type: (s) => s.image.osType,
  __platform: (s) => s.image.platform,
  __os_bit: (s) => s.image.osBit,
  disk_format: (s) => s.image.diskFormat,
  container_format: () => "bare",
  virtual_env_type: (s) => virtualEnvType(s.image),
  architecture: (s) => s.image.architecture,
  __isregistered: () => "true",
  __system__cmkid: (s) => s.image.encryption?.cmkId,
};

const TIME_OPS: Record<string, (a: number, b: number) => boolean> = {
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  eq: (a, b) => a === b,
  neq: (a, b) => a !== b,
};

export interface ImageQuery {
  filters: Filter[];
  /** Which memberships surface: Glance's `member_status`, default accepted. */
  memberStatus: MemberStatus | "all";
  sort: { key: (s: Sighting) => SortValue; dir: 1 | -1 }[];
  limit: number;
  marker?: string;
}

const invalid = () => imsError("IMG.0001");

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], error = invalid): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw error();
}

function bool(value: string | undefined): boolean | undefined {
  const v = value?.toLowerCase();
  return v === undefined ? undefined : oneOf(v, ["true", "false"]) === "true";
}

/** `created_at=gt:2025-01-01T00:00:00Z`; compared at whole seconds, the precision images show. */
function timeFilter(value: string, field: (s: Sighting) => number): Filter {
  const match = /^(?:(gt|gte|lt|lte|eq|neq):)?(.+)$/.exec(value);
  const at = match ? Date.parse(match[2]) : NaN;
  if (!match || Number.isNaN(at)) throw invalid();
  const op = TIME_OPS[match[1] ?? "eq"];
  const seconds = Math.floor(at / 1000);
  return (s) => op(Math.floor(field(s) / 1000), seconds);
}

/** Glance's `sort=name:asc,created_at` or Huawei's `sort_key` and `sort_dir`; ties end on created_at and id. */
function parseSort(get: (name: string) => string | undefined): ImageQuery["sort"] {
  const pairs: [string, string | undefined][] = [];
  const sort = get("sort");
  if (sort !== undefined) {
    if (get("sort_key") !== undefined || get("sort_dir") !== undefined) throw invalid();
    for (const part of sort.split(",")) {
      const [key, dir] = part.trim().split(":");
      pairs.push([key, dir]);
    }
  } else {
    pairs.push([get("sort_key") ?? "created_at", get("sort_dir")]);
  }
  const firstDir = pairs[0][1] ?? "desc";
  for (const key of ["created_at", "id"]) if (!pairs.some(([k]) => k === key)) pairs.push([key, firstDir]);
  return pairs.map(([key, dir]) => {
    if (!Object.hasOwn(SORT_KEYS, key)) throw invalid();
    return { key: SORT_KEYS[key], dir: oneOf(dir ?? firstDir, ["asc", "desc"]) === "asc" ? 1 : -1 };
  });
}

/** The filters of reference 3.1 that the emulator's images carry; unknown parameters are ignored. */
export function parseImageQuery(c: Ctx, defaultLimit: number): ImageQuery {
  const params = c.req.query();
  const get = (name: string) => (params[name] === undefined || params[name] === "" ? undefined : params[name]);
  const filters: Filter[] = [];

  const imagetype = oneOf(get("__imagetype"), ["gold", "private", "shared", "market"], () => imsError("IMG.0024"));
  if (imagetype) filters.push((s) => s.imagetype === imagetype);
  const visibility = oneOf(get("visibility"), ["public", "private", "shared", "all"]);
  if (visibility === "public") filters.push((s) => s.imagetype === "gold");
  if (visibility === "private") filters.push((s) => s.visibility === "private");
  if (visibility === "shared") filters.push((s) => s.membership !== undefined);

  for (const [name, field] of Object.entries(EXACT)) {
    const wanted = get(name);
    if (wanted !== undefined) filters.push((s) => field(s) === wanted);
  }
  const isProtected = bool(get("protected"));
  if (isProtected !== undefined) filters.push((s) => s.image.protected === isProtected);
  const whole = bool(get("__whole_image"));
  if (whole !== undefined) filters.push((s) => (s.image.kind === "whole") === whole);
  if (bool(get("os_hidden"))) filters.push(() => false);
  const tag = get("tag");
  if (tag !== undefined) filters.push((s) => s.image.tags.includes(tag));
  const project = get("enterprise_project_id");
  if (project !== undefined && project !== "0" && project !== "all_granted_eps") filters.push(() => false);
  const createdAt = get("created_at");
  if (createdAt !== undefined) filters.push(timeFilter(createdAt, (s) => s.image.createdAt));
  const updatedAt = get("updated_at");
  if (updatedAt !== undefined) filters.push(timeFilter(updatedAt, (s) => s.image.updatedAt));

  const rawLimit = get("limit");
  if (rawLimit !== undefined && !/^\d+$/.test(rawLimit)) throw invalid();
  const limit = rawLimit === undefined ? defaultLimit : Number(rawLimit);
  if (limit < 1) throw invalid();

  return {
    filters,
    memberStatus: oneOf(get("member_status"), ["pending", "accepted", "rejected", "all"]) ?? "accepted",
    sort: parseSort(get),
    limit: Math.min(limit, 1000),
    marker: get("marker"),
  };
}

export interface ImagePage {
  page: Sighting[];
  /** Another page follows this one. */
  more: boolean;
}

/** Visible images that pass the filters, sorted, after the marker (an image the caller can see). */
export function selectImages(emu: Emu, projectId: string, query: ImageQuery): ImagePage {
  const compare = (a: Sighting, b: Sighting): number => {
    for (const { key, dir } of query.sort) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return (x < y ? -1 : 1) * dir;
    }
    return 0;
  };
  const markerImage = query.marker === undefined ? undefined : emu.world.images.get(query.marker);
  const marker = markerImage && sight(emu, markerImage, projectId);
  if (query.marker !== undefined && !marker) throw invalid();

  const matches: Sighting[] = [];
  for (const image of emu.world.images.values()) {
    const s = sight(emu, image, projectId);
    if (!s) continue;
    if (s.membership && query.memberStatus !== "all" && s.membership.status !== query.memberStatus) continue;
    if (!query.filters.every((f) => f(s))) continue;
    if (marker && compare(s, marker) <= 0) continue;
    matches.push(s);
  }
  matches.sort(compare);
  return { page: matches.slice(0, query.limit), more: matches.length > query.limit };
}
