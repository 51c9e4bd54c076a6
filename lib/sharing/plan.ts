import { countDecisions, type PlanRow, type SharePlanView } from "./forms";
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
  return { service, targets: text, rows, counts: countDecisions(rows) };
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
