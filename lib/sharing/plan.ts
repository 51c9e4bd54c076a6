import { countVerdicts, judgePairs, strictest, type PolicyImage, type PolicyWorld } from "@/lib/policy/evaluate";
import type { SharingPolicy } from "@/lib/policy/policy";
import { countDecisions, type PlanPolicyView, type PlanRow, type SharePlanView } from "./forms";
import type { ImageService } from "./pairs";
import { decideImage, type ImageFacts, type PlanContext } from "./rules";
import type { ParsedTarget, Target } from "./targets";

/**
 * A share plan as the dialogs show it: every image × pasted target, decided by the rules
 * (`decideImage`), with the lines that did not parse blocked as typed.
 */
export function planShare(
  service: ImageService,
  text: string,
  images: readonly ImageFacts[],
  targets: readonly ParsedTarget[],
  ctx: Omit<PlanContext, "operation">,
  check?: PolicyCheck,
): SharePlanView {
  const parsed = targets.flatMap((t) => (t.ok ? [t.target] : []));
  const names = new Map(ctx.knownProjects.map((p) => [p.id, p.name]));
  const rows: PlanRow[] = [];
  for (const image of images) {
    const decisions = decideImage(image, parsed, { ...ctx, operation: "share" });
    let k = 0;
    for (const t of targets) {
      const base = { imageId: image.id, imageName: image.name };
      if (!t.ok) {
        rows.push({ ...base, input: t.input, decision: "blocked", code: "bad_format", reason: t.reason });
        continue;
      }
      const d = decisions[k++];
      const label = t.target.kind === "project" ? names.get(t.target.value) : undefined;
      rows.push({
        ...base,
        input: t.target.value,
        target: t.target,
        ...(label ? { label } : {}),
        decision: d.send ? "add" : d.skip ? "skip" : "blocked",
        code: d.code,
        reason: d.reason,
      });
    }
  }
  const policy = check && judgeRows(rows, images, check);
  return { service, targets: text, rows, counts: countDecisions(rows), ...(policy && { policy }) };
}

/** The account's sharing policy and what it needs to know of the account (lib/sharing/policy `loadPolicyCheck`). */
export interface PolicyCheck {
  policy: SharingPolicy;
  world: PolicyWorld;
}

/** What the policy reads of an image's facts. */
export function policyImageOf(image: ImageFacts): PolicyImage {
  return {
    id: image.id,
    name: image.name,
    kind: image.kind,
    tags: image.tags,
    encrypted: image.encrypted,
    memberCount: image.memberIds.length,
  };
}

/**
 * Puts the policy's verdict and the risks on each row to add, in place. Enforced, a denied pair is
 * blocked like any pair a rule blocks; in audit mode it stays as planned and only says what would be.
 */
export function judgeRows(
  rows: PlanRow[],
  images: readonly ImageFacts[],
  { policy, world }: PolicyCheck,
): PlanPolicyView | undefined {
  const byId = new Map(images.map((i) => [i.id, i]));
  const adds = rows.filter((r) => r.decision === "add" && r.target && byId.has(r.imageId));
  const judged = judgePairs(
    policy,
    world,
    adds.map((r) => ({ image: policyImageOf(byId.get(r.imageId)!), target: r.target! })),
  );
  adds.forEach((row, k) => {
    const { verdict, risks } = judged[k];
    row.risks = risks;
    if (!verdict) return;
    row.policy = verdict;
    if (policy.mode === "enforce" && verdict.verdict === "denied") {
      row.decision = "blocked";
      row.code = "policy_denied";
      row.reason = verdict.because;
    }
  });
  if (policy.mode === "off") return undefined;
  // Enforced, denied pairs are blocked and the rest may go: the plan needs what they need.
  const sent = policy.mode === "enforce" ? judged.filter((j) => j.verdict?.verdict !== "denied") : judged;
  return { mode: policy.mode, needs: strictest(sent), counts: countVerdicts(judged) };
}

/** The pairs a plan sends, as the calls take them. */
export function addsOf(
  plan: SharePlanView,
): { image_id: string; target_kind: Target["kind"]; target: string; member_id: string }[] {
  return plan.rows.flatMap((r) =>
    r.decision === "add" && r.target
      ? [{ image_id: r.imageId, target_kind: r.target.kind, target: r.target.value, member_id: r.target.memberId }]
      : [],
  );
}
