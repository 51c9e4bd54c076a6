"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { batchAddMembers, batchDeleteMembers } from "@/lib/cloud/ims";
import { appError, UserError } from "@/lib/errors";
import { waitForJob } from "@/lib/sharing/jobs";
import { loadImages } from "@/lib/sharing/load";
import { batchesOf, planShare, type PlannedPair } from "@/lib/sharing/plan";
import { batchBody, MAX_TARGETS, memberTarget, parseTargets } from "@/lib/sharing/targets";
import { asAuditPairs, outcomeOf, verifyPairs, type PairOutcome } from "@/lib/sharing/verify";

const shareSchema = z.object({
  imageIds: z
    .array(z.uuid("Choose images from the list."))
    .min(1, "Choose at least one image.")
    .max(100, "Share at most 100 images at once."),
  targets: z
    .string()
    .trim()
    .min(1, "Enter at least one project id, account id or organization URN.")
    .max(20_000, "That is too much text."),
  kind: z.enum(["project", "account"]).default("project"),
});

export interface SharePlanView {
  pairs: (PlannedPair & { imageName: string })[];
  counts: { add: number; skip: number; blocked: number };
}

async function plan(input: z.output<typeof shareSchema>, scope: Parameters<typeof loadImages>[0], accountId: string) {
  const targets = parseTargets(input.targets, input.kind);
  if (targets.length > MAX_TARGETS) {
    throw new UserError({
      ...appError("invalid_input", `Share with at most ${MAX_TARGETS} targets at once; use a batch for more.`),
    });
  }
  const images = await loadImages(scope, input.imageIds);
  const names = new Map(images.map((i) => [i.id, i.name]));
  const pairs = planShare(images, targets, { projectId: scope.projectId, accountId }).map((p) => ({
    ...p,
    imageName: names.get(p.imageId) ?? p.imageId,
  }));
  const count = (d: string) => pairs.filter((p) => p.decision === d).length;
  return { pairs, counts: { add: count("add"), skip: count("skip"), blocked: count("blocked") } };
}

/** Checks every image × target pair before anything is sent (reads only, so it records no event). */
export const planShareAction = defineAction(
  { audit: false, schema: shareSchema },
  async (input, ctx): Promise<SharePlanView> => plan(input, ctx.scope, ctx.session.accountId),
);

/**
 * Shares through the batch API: re-plans on the server, sends only the pairs to add (one call per
 * group of images with the same targets), waits for each job, and reads the members back to know
 * each pair's real outcome.
 */
export const shareImagesAction = defineAction({ audit: "share", schema: shareSchema }, async (input, ctx) => {
  const planned = await plan(input, ctx.scope, ctx.session.accountId);
  const groups = batchesOf(planned.pairs);
  await ctx.intent({
    service: "ims",
    expect: "present",
    pairs: groups.flatMap((g) => g.images.flatMap((image) => g.targets.map((t) => ({ image, target: t.memberId })))),
  });
  const jobs: string[] = [];
  const requests: string[] = [];
  const results: PairOutcome[] = [];
  for (const group of groups) {
    const { jobId, requestId } = await batchAddMembers(ctx.scope, batchBody(group.images, group.targets));
    jobs.push(jobId);
    if (requestId) requests.push(requestId);
    // Every call's request id, so that the CTS import knows each of these calls as the console's own.
    ctx.note({ jobId: jobs.join(","), requestId: requests.join(",") || undefined });
    const job = await waitForJob(ctx.scope, jobId);
    const pairs = group.images.flatMap((image) => group.targets.map((t) => ({ image, target: t.memberId })));
    results.push(...(await verifyPairs(ctx.scope, pairs, "present", job)));
  }
  ctx.note({
    images: input.imageIds,
    targets: [...new Set(planned.pairs.flatMap((p) => (p.target ? [p.target.value] : [])))],
    pairs: [
      ...asAuditPairs(results),
      ...planned.pairs
        .filter((p) => p.decision !== "add")
        .map((p) => ({ image: p.imageId, target: p.input, outcome: "skipped" as const, code: p.reason })),
    ],
    outcome: results.length ? outcomeOf(results) : "succeeded",
  });
  revalidatePath("/images", "layout");
  return { plan: planned, results, jobs };
});

const unshareSchema = z.object({
  imageId: z.uuid(),
  memberIds: z.array(z.string().min(1).max(128)).max(1000).default([]),
  all: z.boolean().default(false),
  confirmName: z.string().optional(),
});

/**
 * Stops sharing: chosen members, or all of them once the user typed the image's name. Members are
 * grouped by type into one batch delete; the job is awaited and the members read back.
 */
export const unshareMembersAction = defineAction({ audit: "unshare", schema: unshareSchema }, async (input, ctx) => {
  const [image] = await loadImages(ctx.scope, [input.imageId]);
  if (input.all && input.confirmName !== image.name) {
    throw new UserError({
      ...appError("invalid_input", "Type the image's name exactly to remove every member."),
      fieldErrors: { confirmName: ["Does not match the image name."] },
    });
  }
  const chosen = input.all ? image.members : image.members.filter((m) => input.memberIds.includes(m.member_id));
  if (chosen.length === 0)
    throw new UserError(appError("not_found", "None of those members are on the image any more. Refresh the page."));
  const body = batchBody([image.id], chosen.flatMap(memberTarget));
  await ctx.intent({
    service: "ims",
    expect: "absent",
    pairs: chosen.map((m) => ({ image: image.id, target: m.member_id })),
  });
  const { jobId, requestId } = await batchDeleteMembers(ctx.scope, body);
  ctx.note({ jobId, requestId });
  const job = await waitForJob(ctx.scope, jobId);
  const results = await verifyPairs(
    ctx.scope,
    chosen.map((m) => ({ image: image.id, target: m.member_id })),
    "absent",
    job,
  );
  ctx.note({
    images: [image.id],
    targets: chosen.map((m) => m.member_id),
    pairs: asAuditPairs(results),
    outcome: outcomeOf(results),
  });
  revalidatePath("/images", "layout");
  return { results, jobId, removedAccepted: chosen.filter((m) => m.status === "accepted").length };
});
