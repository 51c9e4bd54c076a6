import "server-only";
import type { StoredSession } from "@/lib/auth/session-store";
import type { Scope } from "@/lib/cloud/ims";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { organizationOf, worldOrganization } from "@/lib/policy/organization";
import { outsidePolicy, targetOfMemberId } from "@/lib/policy/evaluate";
import { outsideShares, type OutsideShare } from "@/lib/policy/outside";
import { readPolicy, sharedBefore } from "@/lib/policy/store";
import { ownProjects } from "./facts";
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

/** The policy and what it needs to judge targets alone (no plan): undefined when the policy is off. */
async function policyForTargets(scope: Scope, session: StoredSession) {
  const db = await getDb();
  const { policy } = await readPolicy(db, session.accountId);
  if (policy.mode === "off") return undefined;
  const [projects, organization] = await Promise.all([ownProjects(session), organizationOf(scope, session.accountId)]);
  const world = {
    accountId: session.accountId,
    ownProjectIds: new Set(projects.map((p) => p.id)),
    organization: worldOrganization(organization),
    sharedTargets: new Set<string>(),
    sharedImages: new Set<string>(),
  };
  return { db, policy, world };
}

/** The project's shares imported from CTS in the last `days` days that its account's policy would not have allowed. */
export async function recentOutsideShares(scope: Scope, session: StoredSession, days = 7): Promise<OutsideShare[]> {
  const judge = await policyForTargets(scope, session);
  if (!judge) return [];
  const scoped = { accountId: session.accountId, projectId: scope.projectId };
  return outsideShares(judge.db, scoped, judge.policy, judge.world, Date.now() - days * 86_400_000);
}

/** Of these history events, the shares imported from CTS that the policy would not have allowed (History flags them). */
export async function flagOutside(
  scope: Scope,
  session: StoredSession,
  events: readonly { id: string; source: string; action: string; targets: string[] }[],
): Promise<Set<string>> {
  const shares = events.filter((e) => e.source === "cts" && e.action === "share");
  if (shares.length === 0) return new Set();
  const judge = await policyForTargets(scope, session).catch(() => undefined);
  if (!judge) return new Set();
  return new Set(
    shares
      .filter((e) => e.targets.some((t) => outsidePolicy(judge.policy, judge.world, targetOfMemberId(t, judge.world))))
      .map((e) => e.id),
  );
}
