import "server-only";
import type { StoredSession } from "@/lib/auth/session-store";
import type { Scope } from "@/lib/cloud/ims";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { organizationOf, worldOrganization } from "@/lib/policy/organization";
import { readPolicy, sharedBefore } from "@/lib/policy/store";
import type { SharePlanView } from "./forms";
import type { PolicyCheck } from "./plan";
import type { ImageFacts } from "./rules";
import type { Target } from "./targets";

/**
 * The account's sharing policy with what it needs to judge these pairs: the account's projects, its
 * organization (from Organizations, read only when a rule asks for it), and what the project shared before.
 */
export async function loadPolicyCheck(
  scope: Scope,
  session: StoredSession,
  knownProjects: { id: string }[],
  images: readonly ImageFacts[],
  targets: readonly Target[],
): Promise<PolicyCheck> {
  const db = await getDb();
  const { policy } = await readPolicy(db, session.accountId);
  const [organization, shared] = await Promise.all([
    organizationOf(scope, session.accountId),
    sharedBefore(
      db,
      { accountId: session.accountId, projectId: scope.projectId },
      { targets: targets.map((t) => t.value), images: images.map((i) => i.id) },
    ),
  ]);
  return {
    policy,
    world: {
      accountId: session.accountId,
      ownProjectIds: new Set(knownProjects.map((p) => p.id)),
      organization: worldOrganization(organization),
      sharedTargets: shared.targets,
      sharedImages: shared.images,
    },
  };
}

/**
 * Refuses a share the enforced policy holds back, before anything is sent: one that needs approval, or
 * a reason that was not given. Denied pairs are already blocked in the plan; the rest may go.
 */
export function enforcePolicy(plan: SharePlanView, reason: string | undefined): void {
  const needs = plan.policy?.mode === "enforce" ? plan.policy.needs : "allowed";
  if (needs === "approval") throw new UserError("forbidden", text("errors.said.policyNeedsApproval"));
  if (needs === "reason" && !reason?.trim())
    throw new UserError("invalid_input", text("errors.said.policyNeedsReason"), "reason");
}

/** What the audit event keeps of the policy: its verdict on each pair, the risks, and the reason given. */
export function policyNotes(plan: SharePlanView, reason: string | undefined): Record<string, unknown> | undefined {
  const judged = plan.rows.filter((r) => r.policy || r.risks?.length);
  if (!plan.policy && judged.length === 0) return undefined;
  return {
    policy: plan.policy && { mode: plan.policy.mode, needs: plan.policy.needs, counts: plan.policy.counts },
    ...(reason?.trim() && { reason: reason.trim() }),
    verdicts: judged.map((r) => ({
      image: r.imageId,
      target: r.target?.value ?? r.input,
      ...(r.policy && { verdict: r.policy.verdict, rule: r.policy.rule }),
      ...(r.risks?.length && { risks: r.risks }),
    })),
  };
}
