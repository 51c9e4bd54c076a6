import { z } from "zod";
import { fieldKey } from "@/lib/i18n/fields";
import { HEX32, ORG_URN } from "@/lib/ids";

/**
 * An account's sharing policy: which targets an image may go to without more ado, what happens to any
 * other, which images never leave the account, and what needs a second admin's approval. Client-safe.
 */

/** Off: no policy. Audit: every plan and the history say what it would have done, nothing is held back. Enforce. */
export const POLICY_MODES = ["off", "audit", "enforce"] as const;
export type PolicyMode = (typeof POLICY_MODES)[number];

/** What happens to a target no rule allows: shared, shared with a reason the admin types, or asked for. */
export const OTHERWISE = ["allow", "warn", "approve"] as const;
export type Otherwise = (typeof OTHERWISE)[number];

/** The image kinds a policy can hold for approval (IMS kinds, and CPH phone images). */
export const APPROVAL_KINDS = ["system", "data", "whole", "phone"] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/** A name pattern: letters, digits and `-_.`, with `*` for any run of characters and `?` for one. */
const NAME_PATTERN = /^[\w.*?-]{1,128}$/;
/** A tag as IMS lists it: `key` or `key=value`. */
const TAG = /^[^\s=]{1,128}(=[^\s]{0,255})?$/;

/** An allowlist entry: a project or account id (32 hex), or an Organizations URN. */
export const isAllowlistEntry = (entry: string) => HEX32.test(entry) || ORG_URN.test(entry);

export const policySchema = z.object({
  mode: z.enum(POLICY_MODES),
  /** The account's own projects (their regions' rules still apply). */
  allowOwnProjects: z.boolean(),
  /** Accounts and units of the account's organization (read from Organizations). */
  allowOrganization: z.boolean(),
  /** Named accounts, projects or organization units, allowed whatever else the policy says of targets. */
  allowlist: z.array(z.string().refine(isAllowlistEntry, fieldKey("policyAllowlistEntry"))).max(500),
  otherwise: z.enum(OTHERWISE),
  /** Images whose name matches one of these never leave the account. */
  lockedNames: z.array(z.string().regex(NAME_PATTERN, fieldKey("policyNamePattern"))).max(100),
  /** Images with one of these tags never leave the account. */
  lockedTags: z.array(z.string().regex(TAG, fieldKey("policyTag"))).max(100),
  /** Kinds of image whose every share needs approval. */
  approvalKinds: z.array(z.enum(APPROVAL_KINDS)).max(APPROVAL_KINDS.length),
  /** A plan adding more pairs than this needs approval; null for no limit. */
  approvalBatchOver: z.number().int().min(1).max(20_000).nullable(),
  /** How long a request for approval waits before it expires. */
  approvalHours: z.number().int().min(1).max(720),
});
export type SharingPolicy = z.infer<typeof policySchema>;

/** No policy: what every account has until an admin writes one. */
export const NO_POLICY: SharingPolicy = {
  mode: "off",
  allowOwnProjects: true,
  allowOrganization: true,
  allowlist: [],
  otherwise: "allow",
  lockedNames: [],
  lockedTags: [],
  approvalKinds: [],
  approvalBatchOver: null,
  approvalHours: 72,
};

/** Whether a name matches a pattern of `lockedNames` (whole name, case-insensitive). */
export function nameMatches(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replaceAll("*", ".*")
    .replaceAll("?", ".");
  return new RegExp(`^${re}$`, "i").test(name);
}

/** A tag as `[key, value]`: IMS writes `key.value` in an image's `tags`, and people write `key=value`. */
function splitTag(tag: string): [string, string | undefined] {
  const at = tag.includes("=") ? tag.indexOf("=") : tag.indexOf(".");
  return at < 0 ? [tag, undefined] : [tag.slice(0, at), tag.slice(at + 1)];
}

/** Whether an image's tags hold a locked tag: `key` matches any value of that key, `key=value` that value only. */
export function tagMatches(locked: string, tags: readonly string[]): boolean {
  const [key, value] = locked.includes("=") ? splitTag(locked) : [locked, undefined];
  return tags.some((tag) => {
    const [k, v] = splitTag(tag);
    return k === key && (value === undefined || v === value);
  });
}
