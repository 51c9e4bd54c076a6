import { z } from "zod";
import { fieldKey } from "@/lib/i18n/fields";
import type { Text } from "@/lib/i18n/text";
import { MEMBER_ID } from "@/lib/ids";
import type { PairVerdict, RiskFlag, Verdict } from "@/lib/policy/evaluate";
import type { PolicyMode } from "@/lib/policy/policy";
import type { ImageService, PairOutcome } from "./pairs";
import type { Target } from "./targets";

/**
 * What the share and unshare dialogs and their server actions agree on, for IMS and CPH images alike.
 * Client-safe: no server imports. Each action checks the image ids of its own service on top.
 */

/** A form field that may come once, several times (FormData), or as an array. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : [v].flat()), z.array(item));

/** A checkbox or a boolean. */
const flag = z.preprocess((v) => v === true || v === "1" || v === "true" || v === "on", z.boolean());

/** Ten years: further than that is a typo, not an end date. */
export const MAX_LEASE_MS = 10 * 366 * 86_400_000;

/**
 * An end date as the dialogs send it: epoch milliseconds (the browser turns its local date and time
 * into one), or empty for none. Whether it is still ahead is checked when the change runs.
 */
export const endsAtField = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? undefined : typeof v === "string" ? Number(v) : v),
  z
    .number({ error: fieldKey("endsAtInvalid") })
    .int(fieldKey("endsAtInvalid"))
    .positive(fieldKey("endsAtInvalid"))
    .optional(),
);

export const shareInput = z.object({
  imageIds: listOf(z.string().min(1).max(64)).pipe(
    z.array(z.string()).min(1, fieldKey("chooseAtLeastOneImage")).max(100, fieldKey("shareImagesMax")),
  ),
  targets: z.string().trim().min(1, fieldKey("enterShareTargets")).max(20_000, fieldKey("tooMuchText")),
  /** How bare 32-hex ids are read: projects (the only kind CPH takes) or accounts. */
  kind: z.enum(["project", "account"]).default("project"),
  /** Why, when the sharing policy asks for a reason (or the request for approval gives one). */
  reason: z.string().trim().max(1000, fieldKey("reasonMax")).optional(),
  /** When the members it adds are removed again (lib/sharing/leases); none keeps them. */
  endsAt: endsAtField,
});

export const unshareInput = z
  .object({
    imageId: z.string().min(1).max(64),
    memberIds: listOf(z.string().regex(MEMBER_ID, fieldKey("notAMemberId"))).pipe(z.array(z.string()).max(1000)),
    all: flag.default(false),
    confirmName: z.string().max(256).optional(),
  })
  .refine((v) => v.all || v.memberIds.length > 0, {
    message: fieldKey("chooseAtLeastOneMember"),
    path: ["memberIds"],
  });

export type Decision = "add" | "skip" | "blocked";

/** Why a pair is skipped or blocked (or, for `add`, what it becomes), one code per rule of `lib/sharing/rules.ts`. */
export type PlanCode =
  | "bad_format"
  | "not_a_project"
  | "own_project"
  | "own_account"
  | "other_region"
  | "not_shareable"
  | "not_owned"
  | "not_found"
  | "already_member"
  | "not_member"
  | "over_limit"
  | "new_member"
  | "policy_denied";

/** One image × target pair of a share plan, as the dialogs show it. */
export interface PlanRow {
  imageId: string;
  imageName: string;
  /** The target as typed. */
  input: string;
  /** The parsed target; absent when the input did not parse. */
  target?: Target;
  /** The project's name when it is one of the user's own projects. */
  label?: string;
  decision: Decision;
  code?: PlanCode;
  reason?: Text;
  /** What the account's sharing policy says of a pair to add (none when the policy is off). */
  policy?: PairVerdict;
  /** The pair's risks, whatever the policy. */
  risks?: RiskFlag[];
}

/** What the sharing policy says of a whole plan: its mode, and what the plan needs before it is sent. */
export interface PlanPolicyView {
  mode: PolicyMode;
  /** The strictest verdict of its pairs to add: what sending it needs (in audit mode, what it would). */
  needs: Verdict;
  counts: Record<Verdict, number>;
}

export interface SharePlanView {
  service: ImageService;
  /** The text the plan was made from, so that a dialog knows whether it still holds. */
  targets: string;
  rows: PlanRow[];
  counts: Record<Decision, number>;
  policy?: PlanPolicyView;
}

export interface ShareResultView extends SharePlanView {
  /** The outcome of every pair that was sent (skipped and blocked pairs are in `rows`). */
  results: PairOutcome[];
  /** The IMS jobs that carried it (none for CPH). */
  jobIds: string[];
}

export interface UnshareResultView {
  imageName: string;
  /** Every chosen member: removed (succeeded), not removed (failed), or no longer a member (skipped). */
  results: PairOutcome[];
  jobIds: string[];
  /** Members that had accepted: their projects lose the image. */
  removedAccepted: number;
}

export function countDecisions(rows: readonly { decision: Decision }[]): Record<Decision, number> {
  const counts: Record<Decision, number> = { add: 0, skip: 0, blocked: 0 };
  for (const r of rows) counts[r.decision]++;
  return counts;
}
