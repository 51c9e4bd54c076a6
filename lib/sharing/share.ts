import "server-only";
import type { z } from "zod";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { applyPairs } from "./apply";
import type { ChangeContext } from "./context";
import { loadFacts } from "./facts";
import type { ShareResultView, SharePlanView, shareInput } from "./forms";
import { rollUp, type ImageService, type PairOutcome } from "./pairs";
import { addsOf, planShare } from "./plan";
import { enforcePolicy, loadPolicyCheck, policyNotes } from "./policy";
import { MAX_TARGETS, parseTargets } from "./targets";
import { checkEndsAt, leaseAdded } from "./lease-share";

type Input = z.output<typeof shareInput>;

/** The "Check" step of both share dialogs: what a share would do, decided on the server from the cloud's current state. */
export async function planShareOf(service: ImageService, input: Input, ctx: ChangeContext): Promise<SharePlanView> {
  // CPH shares with projects only: bare ids are projects, whatever the form says.
  const targets = parseTargets(input.targets, service === "cph" ? "project" : input.kind);
  if (targets.length > MAX_TARGETS) {
    throw new UserError("invalid_input", text("errors.said.shareTooManyTargets", { max: MAX_TARGETS }), "targets");
  }
  const { scope, session } = ctx;
  const facts = await loadFacts(scope, session, input.imageIds, service);
  const parsed = targets.flatMap((t) => (t.ok ? [t.target] : []));
  const check = await loadPolicyCheck(scope, session, facts.knownProjects, facts.images, parsed);
  return planShare(
    service,
    input.targets,
    facts.images,
    targets,
    {
      owner: { projectId: scope.projectId, accountId: session.accountId, region: scope.region },
      knownProjects: facts.knownProjects,
    },
    check,
  );
}

/**
 * Shares as the server's own plan says (never the browser's): the pairs to add are recorded as an
 * intent, sent (IMS batch jobs, CPH one call per pair) and each one's outcome learned; skipped and
 * blocked pairs are recorded with their rule, unsent.
 */
export async function shareOf(service: ImageService, input: Input, ctx: ChangeContext): Promise<ShareResultView> {
  const endsAt = input.endsAt === undefined ? undefined : checkEndsAt(input.endsAt);
  const plan = await planShareOf(service, input, ctx);
  // The policy as it is now, whatever the dialog showed: a post that skips the dialog gets no further.
  enforcePolicy(plan, input.reason);
  const adds = addsOf(plan);
  await ctx.intent({
    service,
    expect: "present",
    pairs: adds.map((p) => ({ image: p.image_id, target: p.member_id })),
  });
  const applied = await applyPairs(ctx.scope, { service, operation: "share", pairs: adds }, (a) =>
    ctx.note({ jobId: a.jobIds.join(",") || undefined, requestId: a.requestIds.join(",") || undefined }),
  );
  const unsent: PairOutcome[] = plan.rows
    .filter((r) => r.decision !== "add")
    .map((r) => ({
      image: r.imageId,
      target: r.target?.memberId ?? r.input,
      outcome: "skipped",
      code: r.code,
      reason: r.reason,
    }));
  ctx.note({
    images: [...new Set(plan.rows.map((r) => r.imageId))],
    targets: [...new Set(plan.rows.flatMap((r) => (r.target ? [r.target.value] : [])))],
    pairs: [...applied.outcomes, ...unsent],
    outcome: rollUp(applied.outcomes),
    detail: { ...policyNotes(plan, input.reason), ...(endsAt && { endsAt: new Date(endsAt).toISOString() }) },
  });
  if (endsAt) await leaseAdded(service, plan, applied.outcomes, endsAt, ctx);
  return { ...plan, results: applied.outcomes, jobIds: applied.jobIds };
}
