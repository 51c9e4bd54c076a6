"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/action";
import { listVaults, vaultProblem } from "@/lib/cloud/cbr";
import { CloudError } from "@/lib/cloud/errors";
import { batchUpdateMembers, showImage, type Scope } from "@/lib/cloud/ims";
import type { Image } from "@/lib/cloud/schemas/ims";
import { env } from "@/lib/env";
import { appError, UserError } from "@/lib/errors";
import { waitForJob } from "@/lib/sharing/jobs";
import { mapPool } from "@/lib/sharing/pool";
import { readBack } from "@/lib/sharing/members";
import { rollUp, type PairOutcome } from "@/lib/sharing/pairs";
import { MEMBER_STATUSES, listSharedImages } from "@/lib/sharing/recipient";
import { kindOf, wholeFromFields } from "@/lib/sharing/shareability";
import { filterRefused, type KnownImage, markWhole, trustedWholeIds } from "@/lib/sharing/whole";

const decisionSchema = z.object({
  imageIds: z.array(z.uuid()).min(1, "Choose at least one image.").max(500, "Decide at most 500 images at once."),
  vaultId: z.string().trim().max(64).optional(),
});

export interface DecisionResult {
  image: string;
  name: string;
  outcome: "succeeded" | "failed";
  code?: string;
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}

/**
 * Accepts or rejects images shared with the project: one `PUT /v1/cloudimages/members` per chunk of
 * images (full-ECS images from CBR backups in their own calls, with the chosen vault), each job
 * awaited, then every image's membership read back for its real outcome.
 */
async function decide(
  status: "accepted" | "rejected",
  input: z.output<typeof decisionSchema>,
  ctx: ActionContext,
): Promise<DecisionResult[]> {
  const { scope } = ctx;
  const images = await mapPool(input.imageIds, 50, (id) =>
    showImage(scope, id).catch((e: unknown) =>
      e instanceof CloudError && e.status === 404 ? null : Promise.reject(e),
    ),
  );
  // Only images shared with this project can be accepted or rejected: its own, public or unknown
  // ones are reported as not found without a call.
  const isIncoming = (i: Image | null): i is Image =>
    i !== null && i.__imagetype === "shared" && i.owner !== scope.projectId;
  const missing = input.imageIds.filter((_, i) => !isIncoming(images[i]));
  const found = status === "accepted" ? await withKinds(scope, images.filter(isIncoming)) : images.filter(isIncoming);
  // A full-ECS image from CBR needs the vault; one IMS says nothing about goes with it when one was chosen.
  const needsVault = found.filter(
    (i) =>
      status === "accepted" && ((kindOf(i) === "whole" && i.__backup_id) || (kindOf(i) === "unknown" && input.vaultId)),
  );
  if (needsVault.length) {
    const vault = input.vaultId ? (await listVaults(scope)).find((v) => v.id === input.vaultId) : undefined;
    const problem = !input.vaultId
      ? "Choose a server-backup vault of this project."
      : !vault
        ? "That vault is not one of this project's."
        : vaultProblem(vault);
    if (problem)
      throw new UserError({
        ...appError(
          "invalid_input",
          `${needsVault.map((i) => i.name).join(", ")} needs a vault to be accepted: ${problem}`,
        ),
        fieldErrors: { vaultId: [problem] },
      });
  }
  const vaultIds = new Set(needsVault.map((i) => i.id));
  const groups = [found.filter((i) => !vaultIds.has(i.id)), needsVault];
  await ctx.intent({
    service: "ims",
    expect: status,
    pairs: found.map((i) => ({ image: i.id, target: scope.projectId })),
  });
  const jobs: string[] = [];
  const requests: string[] = [];
  const results: DecisionResult[] = missing.map((id) => ({ image: id, name: id, outcome: "failed", code: "IMG.0027" }));
  for (const [g, group] of groups.entries()) {
    for (const chunk of chunks(group, env.IMS_BATCH_CHUNK_SIZE)) {
      const body = {
        images: chunk.map((i) => i.id),
        project_id: scope.projectId,
        status,
        ...(g === 1 ? { vault_id: input.vaultId } : {}),
      };
      const { jobId, requestId } = await batchUpdateMembers(scope, body);
      jobs.push(jobId);
      if (requestId) requests.push(requestId);
      // Every call's request id, so that the CTS import knows each of these calls as the console's own.
      ctx.note({ jobId: jobs.join(","), requestId: requests.join(",") || undefined });
      const job = await waitForJob(scope, jobId);
      const failure = job.status === "SUCCESS" ? undefined : (job.error_code ?? "not_applied");
      const pairs = chunk.map((i) => ({ image: i.id, target: scope.projectId, name: i.name }));
      // Unread is not "not applied": where the membership cannot be read, the job's own answer stands.
      const read = await readBack(scope, "ims", pairs, status, failure).catch(() =>
        pairs.map((p): typeof p & PairOutcome =>
          failure ? { ...p, outcome: "failed", code: failure } : { ...p, outcome: "succeeded" },
        ),
      );
      for (const r of read)
        results.push({
          image: r.image,
          name: r.name,
          outcome: r.outcome === "succeeded" ? "succeeded" : "failed",
          ...(r.code ? { code: r.code } : {}),
        });
    }
  }
  ctx.note({
    images: input.imageIds,
    targets: [scope.projectId],
    pairs: results.map((r) => ({
      image: r.image,
      target: scope.projectId,
      outcome: r.outcome,
      ...(r.code ? { code: r.code } : {}),
    })),
    outcome: rollUp(results),
  });
  revalidatePath("/incoming");
  return results;
}

/**
 * The kinds of images to accept whose fields do not tell (D4): the `__whole_image=true` lists of the
 * shared images in each state, read only when needed; an untrusted answer leaves the kind unknown.
 */
async function withKinds(scope: Scope, images: Image[]): Promise<KnownImage[]> {
  if (images.every((i) => wholeFromFields(i) !== undefined)) return images;
  const answers = await Promise.all(
    MEMBER_STATUSES.map((s) => listSharedImages(scope, s, { __whole_image: "true" }).catch(filterRefused)),
  );
  const sets = answers.map((a) => (a && !a.truncated ? trustedWholeIds(a.images) : undefined));
  const whole = sets.every((set) => set !== undefined) ? new Set(sets.flatMap((set) => [...set!])) : undefined;
  return markWhole(images, whole);
}

export const acceptImagesAction = defineAction({ audit: "accept", schema: decisionSchema }, (input, ctx) =>
  decide("accepted", input, ctx),
);
export const rejectImagesAction = defineAction({ audit: "reject", schema: decisionSchema }, (input, ctx) =>
  decide("rejected", input, ctx),
);
