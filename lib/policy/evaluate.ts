import { text, type Text } from "@/lib/i18n/text";
import { nameMatches, tagMatches, type SharingPolicy } from "./policy";

/**
 * The policy's verdict on each pair of a share plan, and the risks worth a second look. Pure and
 * client-safe: the dialogs, the batch planner, the actions and the tracker all judge pairs here, so a
 * verdict reads the same wherever it is shown and is enforced exactly as shown.
 */

/** What the policy says of a pair, from least to most held back. */
export const VERDICTS = ["allowed", "reason", "approval", "denied"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The rule that decided a verdict. */
export type PolicyRule =
  "ownProject" | "organization" | "allowlist" | "otherwise" | "lockedName" | "lockedTag" | "kind" | "batchSize";

export interface PairVerdict {
  verdict: Verdict;
  rule: PolicyRule;
  /** The rule in words (`policy.rules.*`). */
  because: Text;
}

/** Risks shown on every plan and kept in the audit event, whatever the policy says. */
export const RISK_FLAGS = [
  "firstWithTarget",
  "outsideOrganization",
  "imageNeverShared",
  "largeBatch",
  "wholeOrEncrypted",
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

/** A plan of this many pairs to add or more is a large batch. */
export const LARGE_BATCH = 100;

/** A target as lib/sharing/targets writes it (lib/sharing judges its pairs here, so this folder imports none of it). */
export interface Target {
  kind: "project" | "account" | "organization";
  value: string;
}

/** What the policy needs to know of an image. */
export interface PolicyImage {
  id: string;
  name: string;
  /** `phone` for a CPH image; IMS kinds otherwise (`unknown` when the cloud does not say). */
  kind: "system" | "data" | "whole" | "unknown" | "phone";
  tags: readonly string[];
  encrypted?: boolean;
  /** Members it has now. */
  memberCount: number;
}

/** What the policy needs to know of the account: its projects, its organization, what it shared before. */
export interface PolicyWorld {
  accountId: string;
  ownProjectIds: ReadonlySet<string>;
  /** The account's organization, as far as Organizations lets it be read; undefined when it is in none. */
  organization?: { id: string; accountIds: ReadonlySet<string>; unitIds: ReadonlySet<string> };
  /** Targets (ids, URNs) the account has shared an image with before, from the history. */
  sharedTargets: ReadonlySet<string>;
  /** Images the account has shared before, from the history. */
  sharedImages: ReadonlySet<string>;
}

export interface PairJudgement {
  /** Undefined when the policy is off. */
  verdict?: PairVerdict;
  risks: RiskFlag[];
}

const RANK: Record<Verdict, number> = { allowed: 0, reason: 1, approval: 2, denied: 3 };
const stricter = (a: PairVerdict, b: PairVerdict) => (RANK[b.verdict] > RANK[a.verdict] ? b : a);

/** Whether an Organizations URN names this organization or one of its units. */
function urnIn(urn: string, organizationId: string): boolean {
  return urn.endsWith(`:organization:${organizationId}`) || urn.includes(`:ou:${organizationId}/`);
}

/** Whether a target is inside the account's organization: one of its accounts or units. A project of
 * another account cannot be placed (no API maps it to its account), so it is not. */
export function inOrganization(target: Target, world: PolicyWorld): boolean {
  const org = world.organization;
  if (!org) return false;
  if (target.kind === "account") return target.value === world.accountId || org.accountIds.has(target.value);
  if (target.kind === "organization") return urnIn(target.value, org.id);
  return false;
}

const isOwn = (target: Target, world: PolicyWorld) =>
  (target.kind === "project" && world.ownProjectIds.has(target.value)) ||
  (target.kind === "account" && target.value === world.accountId);

function targetVerdict(policy: SharingPolicy, target: Target, world: PolicyWorld): PairVerdict {
  if (policy.allowOwnProjects && isOwn(target, world))
    return { verdict: "allowed", rule: "ownProject", because: text("policy.rules.ownProject") };
  if (policy.allowOrganization && inOrganization(target, world))
    return { verdict: "allowed", rule: "organization", because: text("policy.rules.organization") };
  if (policy.allowlist.includes(target.value))
    return { verdict: "allowed", rule: "allowlist", because: text("policy.rules.allowlist") };
  const verdict = ({ allow: "allowed", warn: "reason", approve: "approval" } as const)[policy.otherwise];
  return { verdict, rule: "otherwise", because: text("policy.rules.otherwise", { otherwise: policy.otherwise }) };
}

function imageVerdict(policy: SharingPolicy, image: PolicyImage): PairVerdict | undefined {
  const pattern = policy.lockedNames.find((p) => nameMatches(p, image.name));
  if (pattern) return { verdict: "denied", rule: "lockedName", because: text("policy.rules.lockedName", { pattern }) };
  const tag = policy.lockedTags.find((t) => tagMatches(t, image.tags));
  if (tag) return { verdict: "denied", rule: "lockedTag", because: text("policy.rules.lockedTag", { tag }) };
  if (image.kind !== "unknown" && policy.approvalKinds.includes(image.kind))
    return { verdict: "approval", rule: "kind", because: text("policy.rules.kind", { kind: image.kind }) };
  return undefined;
}

/** The risks of one pair, whatever the policy. */
export function risksOf(image: PolicyImage, target: Target, world: PolicyWorld, adds: number): RiskFlag[] {
  const own = isOwn(target, world);
  const risks: RiskFlag[] = [];
  if (!own && !world.sharedTargets.has(target.value)) risks.push("firstWithTarget");
  if (!own && world.organization && !inOrganization(target, world)) risks.push("outsideOrganization");
  if (image.memberCount === 0 && !world.sharedImages.has(image.id)) risks.push("imageNeverShared");
  if (adds >= LARGE_BATCH) risks.push("largeBatch");
  if (image.kind === "whole" || image.encrypted) risks.push("wholeOrEncrypted");
  return risks;
}

/**
 * Judges the pairs a plan would add, in order. The strictest rule wins for each pair: a locked image is
 * denied; a kind held for approval, a plan over the batch size, or a target no rule allows (as the
 * policy says of "any other target") ask for more.
 */
export function judgePairs(
  policy: SharingPolicy,
  world: PolicyWorld,
  pairs: readonly { image: PolicyImage; target: Target }[],
): PairJudgement[] {
  const adds = pairs.length;
  const overSize = policy.approvalBatchOver !== null && adds > policy.approvalBatchOver;
  return pairs.map(({ image, target }) => {
    const risks = risksOf(image, target, world, adds);
    if (policy.mode === "off") return { risks };
    let verdict = targetVerdict(policy, target, world);
    const held = imageVerdict(policy, image);
    if (held) verdict = stricter(verdict, held);
    if (overSize && RANK[verdict.verdict] < RANK.approval)
      verdict = {
        verdict: "approval",
        rule: "batchSize",
        because: text("policy.rules.batchSize", { limit: policy.approvalBatchOver ?? 0 }),
      };
    return { verdict, risks };
  });
}

/** How many pairs got each verdict. */
export function countVerdicts(judged: readonly PairJudgement[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { allowed: 0, reason: 0, approval: 0, denied: 0 };
  for (const j of judged) if (j.verdict) counts[j.verdict.verdict]++;
  return counts;
}

/** The strictest verdict among the pairs: what the whole plan needs before it can be sent. */
export function strictest(judged: readonly PairJudgement[]): Verdict {
  let worst: Verdict = "allowed";
  for (const j of judged) if (j.verdict && RANK[j.verdict.verdict] > RANK[worst]) worst = j.verdict.verdict;
  return worst;
}

/**
 * What the policy says of a target alone, for sharing already done outside the console (a CTS trace):
 * its verdict when the policy is on and would not simply have allowed it, else undefined.
 */
export function outsidePolicy(policy: SharingPolicy, world: PolicyWorld, target: Target): PairVerdict | undefined {
  if (policy.mode === "off") return undefined;
  const verdict = targetVerdict(policy, target, world);
  return verdict.verdict === "allowed" ? undefined : verdict;
}

/** A member id as a target, when the trace does not say its kind: an account the world knows, a URN, else a project. */
export function targetOfMemberId(id: string, world: PolicyWorld): Target {
  if (id.startsWith("organizations::")) return { kind: "organization", value: id };
  const account = id === world.accountId || world.organization?.accountIds.has(id);
  return { kind: account ? "account" : "project", value: id };
}
