import { CloudError } from "@/lib/cloud/errors";
import { toAppError } from "@/lib/errors";
import { parseTargets } from "./targets";
import type { Decision } from "./plan";

/** Members per CPH image (reference 9.2): an 11th share is refused. */
export const PHONE_MEMBER_LIMIT = 10;

/** Why a target is skipped or blocked, as the audit trail records it. */
export type PhonePlanCode =
  "bad_format" | "not_a_project" | "own_project" | "other_region" | "already_member" | "over_limit";

export interface PhonePlanRow {
  /** The target as typed. */
  input: string;
  /** The project id, once the input parsed as one. */
  projectId?: string;
  /** The project's name when it is one of the user's own projects. */
  projectName?: string;
  decision: Decision;
  reason?: string;
  code?: PhonePlanCode;
}

export interface PhonePlanFacts {
  ownerProjectId: string;
  region: string;
  memberIds: string[];
  limit?: number;
  /** The user's own projects (IAM), the only ones whose region the console knows. */
  knownProjects: { id: string; name: string }[];
}

/**
 * Decides every pasted target before anything is sent: add, skip (already a member) or blocked
 * (bad format, the image's own project, one of the user's projects in another region, or over the
 * limit counting the adds above it). Projects of other accounts are not guessed at: if they are in
 * another region, the cloud says so when the share is sent.
 */
export function planPhoneShare(text: string, facts: PhonePlanFacts): PhonePlanRow[] {
  const limit = facts.limit ?? PHONE_MEMBER_LIMIT;
  const members = new Set(facts.memberIds);
  const known = new Map(facts.knownProjects.map((p) => [p.id, p.name]));
  let count = members.size;
  return parseTargets(text, "project").map((t): PhonePlanRow => {
    if (!t.ok) return { input: t.input, decision: "blocked", code: "bad_format", reason: t.reason };
    const { target } = t;
    if (target.kind !== "project") {
      return {
        input: target.value,
        decision: "blocked",
        code: "not_a_project",
        reason: "CPH shares with projects only: paste a project id.",
      };
    }
    const row = { input: target.value, projectId: target.value, projectName: known.get(target.value) };
    if (target.value === facts.ownerProjectId)
      return { ...row, decision: "blocked", code: "own_project", reason: "This is the image's own project." };
    // A region project is named after its region, a sub-project `<region>_<name>` (lib/cloud/iam regionOf).
    const otherRegion = row.projectName?.split("_")[0];
    if (otherRegion && otherRegion !== facts.region) {
      return {
        ...row,
        decision: "blocked",
        code: "other_region",
        reason: `Must be in ${facts.region}: this is your ${otherRegion} project${row.projectName === otherRegion ? "" : ` ${row.projectName}`}.`,
      };
    }
    if (members.has(target.value))
      return { ...row, decision: "skip", code: "already_member", reason: "Already a member." };
    if (count >= limit) {
      return {
        ...row,
        decision: "blocked",
        code: "over_limit",
        reason: `Over the limit of ${limit} members: ${count} / ${limit} counting the projects added above.`,
      };
    }
    count++;
    return { ...row, decision: "add", reason: `Becomes member ${count} of ${limit}.` };
  });
}

export function planCounts(rows: PhonePlanRow[]): Record<Decision, number> {
  const counts: Record<Decision, number> = { add: 0, skip: 0, blocked: 0 };
  for (const r of rows) counts[r.decision]++;
  return counts;
}

/** Why one CPH member call failed, in the vocabulary, with the region named when the cloud refused it for that. */
export function phoneCallFailure(e: unknown, region: string): { reason: string; code: string } {
  const app = toAppError(e);
  const code = app.upstreamCode ?? app.code;
  if (e instanceof CloudError && e.status === 400 && /region/i.test(e.message)) {
    return { reason: `Must be in ${region}: Huawei Cloud refused a project of another region.`, code };
  }
  return { reason: app.message, code };
}
