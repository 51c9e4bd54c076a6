import { z } from "zod";
import type { Body, Emu, Session } from "../core/context";
import { imsError } from "../core/errors";
import { HEX32, UUID } from "../core/ids";
import type { JobItem, JobTarget } from "../store/types";
import { checkAdd, checkDelete, checkUpdate, type Actor } from "./rules";

/** The Go SDK sends `projects` without omitempty, so an absent list may arrive as `null`. */
const idList = z.array(z.string()).nullish();

/** Body of batch add and batch delete (reference 6.1, 6.3); formats are checked after the types. */
export const batchMembersSchema = z.object({
  images: z.array(z.string()).min(1),
  projects: idList,
  domains: idList,
  organizations: idList,
});

/** Body of batch accept/reject (reference 6.2); `status` is a plain string so that its enum is checked last. */
export const batchUpdateSchema = z.object({
  images: z.array(z.string()).min(1),
  project_id: z.string(),
  status: z.string(),
  vault_id: z.string().nullish(),
});

/** Same syntax as `World.parseOrgUrn`, which cannot tell a malformed URN from an unknown one. */
const ORG_URN = /^organizations::[0-9a-f]{32}:(?:organization:(o-[a-z0-9]+)|ou:o-[a-z0-9]+\/(ou-[a-z0-9-]+))$/;

export interface MembersInput {
  images: string[];
  targets: JobTarget[];
}

export interface UpdateInput {
  images: string[];
  status: "accepted" | "rejected";
  vaultId?: string;
}

function parse<T>(body: Body, schema: z.ZodType<T>): T {
  if (body.kind === "empty") throw imsError("IMG.0007");
  const parsed = body.kind === "json" ? schema.safeParse(body.value) : undefined;
  if (!parsed?.success) throw imsError("IMG.0001");
  return parsed.data;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

function checkImageIds(images: string[]): void {
  if (images.some((id) => !UUID.test(id))) throw imsError("IMG.0066");
}

function checkPairCap(emu: Emu, pairs: number): void {
  const cap = emu.config.maxBatchPairs;
  if (cap > 0 && pairs > cap) {
    throw imsError(
      "IMG.0001",
      400,
      `The request has ${pairs} image x target pairs; at most ${cap} are accepted per request.`,
    );
  }
}

function orgTarget(urn: string): JobTarget {
  const match = ORG_URN.exec(urn);
  if (!match) throw imsError("IMG.0001", 400, `The organization URN is invalid: ${urn}`);
  return { type: "organization", id: match[2] ?? match[1], urn };
}

const MEMBERS_KEYS = new Set(Object.keys(batchMembersSchema.shape));

/**
 * Section 14 D5, reading B (older regional IMS): an empty `domains` or `organizations` array, or a
 * key the body schema does not know, is a malformed request (400 `IMG.0001`).
 */
function checkOlderBody(emu: Emu, body: Body): void {
  if (emu.config.disputed.batchEmptyArrays === "A" || body.kind !== "json") return;
  const value = body.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return;
  const fields = value as Record<string, unknown>;
  const empty = (key: string) => Array.isArray(fields[key]) && (fields[key] as unknown[]).length === 0;
  if (Object.keys(fields).some((key) => !MEMBERS_KEYS.has(key)) || empty("domains") || empty("organizations")) {
    throw imsError("IMG.0001");
  }
}

/** Validates a batch add or delete body, in the order of reference 11.3; throws the first error. */
export function parseMembersInput(emu: Emu, body: Body): MembersInput {
  const input = parse(body, batchMembersSchema);
  checkOlderBody(emu, body);
  const images = distinct(input.images);
  checkImageIds(images);
  const projects = distinct(input.projects ?? []);
  const domains = distinct(input.domains ?? []);
  if ([...projects, ...domains].some((id) => !HEX32.test(id))) throw imsError("IMG.0067");
  const organizations = distinct(input.organizations ?? []).map(orgTarget);
  const targets: JobTarget[] = [
    ...projects.map((id): JobTarget => ({ type: "project", id })),
    ...domains.map((id): JobTarget => ({ type: "domain", id })),
    ...organizations,
  ];
  if (targets.length === 0) throw imsError("IMG.0041");
  checkPairCap(emu, images.length * targets.length);
  return { images, targets };
}

/** Validates a batch accept/reject body; `project_id` must be the token's project. */
export function parseUpdateInput(emu: Emu, body: Body, session: Session): UpdateInput {
  const input = parse(body, batchUpdateSchema);
  const images = distinct(input.images);
  checkImageIds(images);
  if (!HEX32.test(input.project_id)) throw imsError("IMG.0067");
  if (input.status !== "accepted" && input.status !== "rejected") throw imsError("IMG.0001");
  if (input.project_id !== session.project.id) {
    const { status, code } = emu.config.projectMismatch;
    throw imsError(code, status);
  }
  checkPairCap(emu, images.length);
  return { images, status: input.status, ...(input.vault_id ? { vaultId: input.vault_id } : {}) };
}

/** Image-major pairs, the order the job applies them in. */
export function memberItems({ images, targets }: MembersInput): JobItem[] {
  return images.flatMap((imageId) => targets.map((target): JobItem => ({ imageId, target, state: "waiting" })));
}

export function updateItems(images: string[], actor: Actor): JobItem[] {
  return images.map((imageId): JobItem => ({
    imageId,
    target: { type: "project", id: actor.project.id },
    state: "waiting",
  }));
}

/**
 * Strict mode: the job's per-pair rules evaluated up front, so a 400 names the first failing code
 * and nothing is applied. Members added earlier in the same batch count toward the limit.
 */
export function strictMembersError(
  emu: Emu,
  actor: Actor,
  op: "add" | "delete",
  input: MembersInput,
): string | undefined {
  for (const imageId of input.images) {
    let added = 0;
    for (const target of input.targets) {
      const outcome =
        op === "add" ? checkAdd(emu, actor, imageId, target, added) : checkDelete(emu, actor, imageId, target);
      if (!outcome.ok) return outcome.code;
      if (outcome.changed) added++;
    }
  }
  return undefined;
}

export function strictUpdateError(emu: Emu, actor: Actor, input: UpdateInput): string | undefined {
  for (const imageId of input.images) {
    const outcome = checkUpdate(emu, actor, imageId, input.status, input.vaultId);
    if (!outcome.ok) return outcome.code;
  }
  return undefined;
}
