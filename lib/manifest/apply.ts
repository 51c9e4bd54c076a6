import "server-only";
import type { Kysely } from "kysely";
import type { ActionContext } from "@/lib/actions/action";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/types";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { createRequest } from "@/lib/policy/approvals";
import { blocksOf, launchBlock, type LaunchedBatch } from "./launch";
import { planManifest } from "./plan";
import type { Manifest } from "./schema";
import type { ManifestPlan, ManifestPlanPair } from "./types";
import { loadManifestWorld } from "./world";

export interface ApplyResult {
  batches: LaunchedBatch[];
  /** Requests for another admin's approval, for the adds the enforced policy holds for one. */
  approvals: { id: string; pairs: number }[];
  /** True when there was nothing to launch or ask for. */
  nothing: boolean;
  /** The plan as it was applied. */
  plan: ManifestPlan;
}

/** Pairs grouped by a key, in the plan's order. */
function groupBy<K>(pairs: readonly ManifestPlanPair[], key: (p: ManifestPlanPair) => K): Map<K, ManifestPlanPair[]> {
  const groups = new Map<K, ManifestPlanPair[]>();
  for (const p of pairs) {
    const k = key(p);
    const group = groups.get(k);
    if (group) group.push(p);
    else groups.set(k, [p]);
  }
  return groups;
}

/**
 * Asks another admin to approve the adds the enforced policy holds, as the planner's "Ask for approval"
 * does: each request keeps what to plan again (images, targets as text, and whether bare ids are
 * projects or accounts, so accounts go in requests of their own) and the pairs as they were judged.
 */
async function requestApprovals(
  db: Kysely<Database>,
  held: readonly ManifestPlanPair[],
  ctx: ActionContext,
  reason: string,
  hours: number,
): Promise<ApplyResult["approvals"]> {
  const out: ApplyResult["approvals"] = [];
  // One request per kind of bare id and end date: the approval's batch has one end date.
  const byKind = groupBy(held, (p) => `${p.target.kind === "account" ? "account" : "project"} ${p.endsAt ?? ""}`);
  for (const [key, pairs] of byKind) {
    const [kind, ends] = key.split(" ") as ["project" | "account", string];
    for (const { images, targets, pairs: asked } of blocksOf(pairs)) {
      const id = await createRequest(db, {
        accountId: ctx.session.accountId,
        projectId: ctx.scope.projectId,
        projectName: ctx.session.projectName,
        region: ctx.scope.region,
        requestedById: ctx.session.userId,
        requestedByName: ctx.session.userName,
        reason,
        plan: {
          input: {
            imageIds: images.map((i) => i.id),
            targets: targets.map((t) => t.value).join("\n"),
            kind,
            ...(ends && { endsAt: Date.parse(ends) }),
          },
          pairs: asked.map((p) => ({
            image: p.image,
            imageName: p.imageName,
            target: p.target.value,
            ...(p.verdict && { verdict: p.verdict }),
          })),
        },
        ttlMs: hours * 3_600_000,
      });
      out.push({ id, pairs: asked.length });
    }
  }
  return out;
}

/**
 * Applies a manifest: plans it again on the server (the browser's or the CLI's copy of a plan is never
 * trusted) and refuses when that plan is not the one shown (`planDigest`); launches the adds as share
 * batches, one per end date (more when a batch's limits call for it), and the removes as unshare batches;
 * asks for approval of the adds the enforced policy holds, and refuses when it wants a reason and none
 * is given. Nothing is sent here: the batch tracker sends (with the entrusted key of `apiTokenId`, an API
 * token's, when one is given).
 */
export async function applyManifest(
  manifest: Manifest,
  ctx: ActionContext,
  opts: { planDigest?: string; reason?: string; apiTokenId?: string },
): Promise<ApplyResult> {
  const world = await loadManifestWorld(manifest, ctx);
  const plan = planManifest(manifest, world);
  if (opts.planDigest !== undefined && opts.planDigest !== plan.digest)
    throw new UserError("conflict", text("manifest.errors.planChanged"));
  const reason = opts.reason?.trim() || undefined;
  const policy = world.check?.policy;
  const enforced = policy?.mode === "enforce";
  const adds = plan.pairs.filter((p) => p.action === "add");
  const held = enforced ? adds.filter((p) => p.verdict === "approval") : [];
  const shares = enforced ? adds.filter((p) => p.verdict !== "approval") : adds;
  const removes = plan.pairs.filter((p) => p.action === "remove");
  if (enforced && !reason && shares.some((p) => p.verdict === "reason"))
    throw new UserError("invalid_input", text("errors.said.policyNeedsReason"), "reason");
  if (held.length > 0 && !reason)
    throw new UserError("invalid_input", text("manifest.errors.approvalNeedsReason"), "reason");

  const db = await getDb();
  const approvals = held.length > 0 ? await requestApprovals(db, held, ctx, reason!, policy!.approvalHours) : [];
  const batches: LaunchedBatch[] = [];
  const launcher = { actor: ctx.session, apiTokenId: opts.apiTokenId };
  for (const [endsAt, pairs] of groupBy(shares, (p) => p.endsAt))
    for (const block of blocksOf(pairs))
      batches.push(
        await launchBlock(db, launcher, "share", block, endsAt === undefined ? undefined : Date.parse(endsAt)),
      );
  for (const block of blocksOf(removes)) batches.push(await launchBlock(db, launcher, "unshare", block));

  const changed = [...shares, ...held, ...removes];
  ctx.note({
    ...(batches[0] && { batchId: batches[0].id }),
    images: [...new Set(changed.map((p) => p.image))],
    targets: [...new Set(changed.map((p) => p.target.value))],
    detail: {
      counts: plan.counts,
      batches: batches.map(({ id, operation, launched, endsAt }) => ({ id, operation, launched, endsAt })),
      approvals,
      digest: plan.digest,
      ...(reason && { reason }),
    },
  });
  return { batches, approvals, nothing: batches.length === 0 && approvals.length === 0, plan };
}
