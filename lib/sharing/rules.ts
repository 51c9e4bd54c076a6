import { text, type Text } from "@/lib/i18n/text";
import type { PlanCode } from "./forms";
import type { ImageService, Operation } from "./pairs";
import type { Target } from "./targets";

/**
 * The rules of a member change, one place and one wording for every planner: the single-image share,
 * the phone share and the batch planner (share and unshare, IMS and CPH) all decide each pair here.
 */

/** What the rules know about one image, loaded beforehand (`lib/sharing/facts.ts`). */
export interface ImageFacts {
  id: string;
  name: string;
  service: ImageService;
  /** False when the image belongs to another project (or could not be found): nothing can change its members. */
  owned: boolean;
  /** Why the image cannot be shared at all (public, encrypted, not found…). */
  shareBlocker?: Text;
  /** Why its members cannot be changed at all (not owned, not found). */
  unshareBlocker?: Text;
  memberIds: string[];
  limit: number;
  /** What a sharing policy reads of it (lib/policy): its kind, tags and encryption. */
  kind: "system" | "data" | "whole" | "unknown" | "phone";
  tags: string[];
  encrypted: boolean;
}

export interface PlanContext {
  operation: Operation;
  owner: { projectId: string; accountId: string; region: string };
  /** The user's own projects (IAM), the only ones whose region the console knows. */
  knownProjects: { id: string; name: string }[];
}

/** One pair's fate: sent (a member added or removed), skipped, or blocked, with the rule that decided it. */
export interface PairDecision {
  send: boolean;
  skip?: boolean;
  code: PlanCode;
  reason?: Text;
}

/** Members per CPH image (reference 9.2): an 11th share is refused. */
export const PHONE_MEMBER_LIMIT = 10;

/** "Near member limit" (the overview, `?full=90` on Images and Phone images): this share of the limit used, or more. */
export const NEAR_LIMIT_SHARE = 0.9;

/** Whether `members` of `limit` is near it: 231 of 256, 9 of a full-ECS image's or a phone image's 10. */
export const isNearLimit = (members: number, limit: number) => members >= Math.ceil(limit * NEAR_LIMIT_SHARE);

/** The rules' sentences, as catalogue keys (`sharing.reasons`) with their arguments. */
export const REASONS = {
  notAProject: text("sharing.reasons.notAProject"),
  ownProject: text("sharing.reasons.ownProject"),
  ownAccount: text("sharing.reasons.ownAccount"),
  alreadyMember: text("sharing.reasons.alreadyMember"),
  notMember: text("sharing.reasons.notMember"),
  notOwned: text("sharing.reasons.notOwned"),
  notFound: (service: ImageService) => text("sharing.reasons.notFound", { service }),
  otherRegion: (region: string, targetRegion: string, label: string) =>
    label === targetRegion
      ? text("sharing.reasons.otherRegion", { region, targetRegion })
      : text("sharing.reasons.otherRegionNamed", { region, targetRegion, label }),
  overLimit: (count: number, limit: number) => text("sharing.reasons.overLimit", { count, limit }),
  newMember: (count: number, limit: number) => text("sharing.reasons.newMember", { count, limit }),
} as const;

/** A region project is named after its region, a sub-project `<region>_<name>` (lib/cloud/iam regionOf). */
const regionOfName = (name: string) => name.split("_")[0];

/** The user's own project of another region that a target is, as the reason it is blocked; else undefined. */
export function otherRegionOf(target: Target, ctx: PlanContext): Text | undefined {
  if (target.kind !== "project") return undefined;
  const label = ctx.knownProjects.find((p) => p.id === target.value)?.name;
  const region = label ? regionOfName(label) : undefined;
  if (!label || !region || region === ctx.owner.region) return undefined;
  return REASONS.otherRegion(ctx.owner.region, region, label);
}

const blocked = (code: PlanCode, reason: Text): PairDecision => ({ send: false, code, reason });

/**
 * Decides one image's pairs with every target, in order, so that the member limit counts the adds
 * before each. Share: not shareable, projects only (CPH), own project, own account, another region of
 * the user's, already a member, over the limit; else it becomes a member. Unshare: members cannot be
 * changed, projects only (CPH), not a member; else it is removed.
 */
export function decideImage(image: ImageFacts, targets: readonly Target[], ctx: PlanContext): PairDecision[] {
  const members = new Set(image.memberIds);
  if (ctx.operation === "unshare") {
    return targets.map((target) => {
      if (image.unshareBlocker) return blocked(image.owned ? "not_found" : "not_owned", image.unshareBlocker);
      if (image.service === "cph" && target.kind !== "project") return blocked("not_a_project", REASONS.notAProject);
      return members.has(target.memberId)
        ? { send: true, code: "already_member" }
        : { send: false, skip: true, code: "not_member", reason: REASONS.notMember };
    });
  }
  const limit = image.limit || (image.service === "cph" ? PHONE_MEMBER_LIMIT : 0);
  let count = image.memberIds.length;
  return targets.map((target): PairDecision => {
    if (image.shareBlocker) return blocked(image.owned ? "not_shareable" : "not_found", image.shareBlocker);
    if (image.service === "cph" && target.kind !== "project") return blocked("not_a_project", REASONS.notAProject);
    if (target.kind === "project" && target.value === ctx.owner.projectId)
      return blocked("own_project", REASONS.ownProject);
    if (target.kind === "account" && target.value === ctx.owner.accountId)
      return blocked("own_account", REASONS.ownAccount);
    const otherRegion = otherRegionOf(target, ctx);
    if (otherRegion) return blocked("other_region", otherRegion);
    if (members.has(target.memberId))
      return { send: false, skip: true, code: "already_member", reason: REASONS.alreadyMember };
    if (count >= limit) return blocked("over_limit", REASONS.overLimit(count, limit));
    count++;
    return { send: true, code: "new_member", reason: REASONS.newMember(count, limit) };
  });
}
