import "server-only";
import type { ChangeContext } from "./context";
import { listVaults, vaultProblem } from "@/lib/cloud/cbr";
import { listSharedPhoneImages, updatePhoneImageMember } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import { batchUpdateMembers, showImage, type Scope } from "@/lib/cloud/ims";
import type { Image } from "@/lib/cloud/schemas/ims";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { text, type Text } from "@/lib/i18n/text";
import { callFailure } from "./apply";
import { waitForJob } from "./jobs";
import { readBack } from "./members";
import { rollUp, type ImageService, type PairOutcome } from "./pairs";
import { mapPool } from "./pool";
import { MEMBER_STATUSES, listSharedImages } from "./recipient";
import { kindOf, wholeFromFields } from "./shareability";
import { filterRefused, markWhole, trustedWholeIds, type KnownImage } from "./whole";

/** The recipient's answer to a share. */
export type Answer = "accepted" | "rejected";

/** One image's answer as the inbox shows it. */
export interface AnswerOutcome extends PairOutcome {
  name: string;
}

/** An image shared with the project, and whether accepting it takes the chosen vault (full-ECS from CBR). */
interface Incoming {
  id: string;
  name: string;
  vault: boolean;
  /** The owner's project, where the cloud says it: the owner's account is told of the answer (lib/notify). */
  owner?: string;
}

/** The refusal of an accept for a vault's problem (lib/cloud/cbr `vaultProblem`), naming the images that need it. */
function vaultRefusal(problem: Text | undefined, names: string): Text | undefined {
  if (!problem) return undefined;
  if (problem.key === "incoming.vault.problems.notAvailable")
    return text("errors.said.vaultNotAvailable", { names, status: String(problem.values?.status ?? "") });
  return text("errors.said.vaultNotServerBackup", { names });
}

/** CPH answers one image per call: a few at a time. */
const CPH_CONCURRENCY = 4;

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

/** IMS: the images shared with the project (its own, public or unknown ones are not); the vault checked once. */
async function incomingIms(scope: Scope, ids: string[], answer: Answer, vaultId?: string): Promise<Incoming[]> {
  const images = await mapPool(ids, 50, (id) =>
    showImage(scope, id).catch((e: unknown) =>
      e instanceof CloudError && e.status === 404 ? null : Promise.reject(e),
    ),
  );
  const shared = images.filter(
    (i): i is Image => i !== null && i.__imagetype === "shared" && i.owner !== scope.projectId,
  );
  const found = answer === "accepted" ? await withKinds(scope, shared) : shared;
  // A full-ECS image from CBR needs the vault; one IMS says nothing about goes with it when one was chosen.
  const needsVault = (i: KnownImage) =>
    answer === "accepted" &&
    ((kindOf(i) === "whole" && Boolean(i.__backup_id)) || (kindOf(i) === "unknown" && Boolean(vaultId)));
  const vaulted = found.filter(needsVault);
  if (vaulted.length) {
    const vault = vaultId ? (await listVaults(scope)).find((v) => v.id === vaultId) : undefined;
    const names = vaulted.map((i) => i.name).join(", ");
    const problem = !vaultId
      ? text("errors.said.vaultChoose", { names })
      : !vault
        ? text("errors.said.vaultNotOurs", { names })
        : vaultRefusal(vaultProblem(vault), names);
    if (problem) throw new UserError("invalid_input", problem, "vaultId");
  }
  return found.map((i) => ({ id: i.id, name: i.name, vault: needsVault(i), owner: i.owner }));
}

/** CPH: the phone images shared with the project, from its one list. */
async function incomingCph(scope: Scope, ids: string[]): Promise<Incoming[]> {
  const shared = new Map((await listSharedPhoneImages(scope)).images.map((i) => [i.image_id, i]));
  return ids.flatMap((id) => {
    const image = shared.get(id);
    const owner = image?.src_project_id ?? image?.project_id;
    return image ? [{ id, name: image.image_name, vault: false, ...(owner && { owner }) }] : [];
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}

/**
 * Accepts or rejects images shared with the project, for both services: ids not shared with it are
 * answered without a call; IMS takes one `PUT /v1/cloudimages/members` per chunk of images (full-ECS
 * images from CBR in their own calls, with the vault), awaits each job and reads every membership back;
 * CPH takes one call per image, each with its own outcome. Every call's ids reach the audit as they come.
 */
export async function answerShares(
  service: ImageService,
  answer: Answer,
  input: { imageIds: string[]; vaultId?: string },
  ctx: ChangeContext,
): Promise<AnswerOutcome[]> {
  const { scope } = ctx;
  const ids = [...new Set(input.imageIds)];
  const found =
    service === "ims" ? await incomingIms(scope, ids, answer, input.vaultId) : await incomingCph(scope, ids);
  const known = new Set(found.map((i) => i.id));
  const pairOf = (i: Incoming) => ({ image: i.id, target: scope.projectId, name: i.name });
  // The reconciler can read an IMS answer back (the recipient's own membership); CPH keeps no status to read.
  if (service === "ims") await ctx.intent({ service, expect: answer, pairs: found.map(pairOf) });
  const jobs: string[] = [];
  const requests: string[] = [];
  const heard = (a: { jobId?: string; requestId?: string }) => {
    if (a.jobId) jobs.push(a.jobId);
    if (a.requestId) requests.push(a.requestId);
    ctx.note({ jobId: jobs.join(",") || undefined, requestId: requests.join(",") || undefined });
  };
  const results: AnswerOutcome[] = ids
    .filter((id) => !known.has(id))
    .map((id) => ({
      image: id,
      name: id,
      target: scope.projectId,
      outcome: "failed",
      code: "not_found",
      reason: text("sharing.failures.notShared"),
    }));
  if (service === "ims") {
    for (const group of [found.filter((i) => !i.vault), found.filter((i) => i.vault)]) {
      for (const chunk of chunks(group, env.IMS_BATCH_CHUNK_SIZE)) {
        const body = {
          images: chunk.map((i) => i.id),
          project_id: scope.projectId,
          status: answer,
          ...(chunk[0].vault ? { vault_id: input.vaultId } : {}),
        };
        const sent = await batchUpdateMembers(scope, body);
        heard(sent);
        const job = await waitForJob(scope, sent.jobId);
        const failure = job.status === "SUCCESS" ? undefined : (job.error_code ?? "not_applied");
        const pairs = chunk.map(pairOf);
        // Unread is not "not applied": where the membership cannot be read, the job's own answer stands.
        const read = await readBack(scope, "ims", pairs, answer, failure).catch(() =>
          pairs.map((p): AnswerOutcome =>
            failure ? { ...p, outcome: "failed", code: failure } : { ...p, outcome: "succeeded" },
          ),
        );
        results.push(...read);
      }
    }
  } else {
    let lost: CloudError | undefined;
    results.push(
      ...(await mapPool(found, CPH_CONCURRENCY, async (image): Promise<AnswerOutcome> => {
        try {
          heard(await updatePhoneImageMember(scope, image.id, answer));
          return { ...pairOf(image), outcome: "succeeded" };
        } catch (e) {
          if (e instanceof CloudError && e.isUnauthenticated) lost = e;
          if (e instanceof CloudError) heard({ requestId: e.requestId });
          return { ...pairOf(image), outcome: "failed", ...callFailure(e, scope.region) };
        }
      })),
    );
    if (lost) throw lost;
  }
  const owners: Record<string, { id: string; name: string }[]> = {};
  const answered = new Set(results.filter((r) => r.outcome === "succeeded").map((r) => r.image));
  for (const i of found) if (i.owner && answered.has(i.id)) (owners[i.owner] ??= []).push({ id: i.id, name: i.name });
  ctx.note({
    images: ids,
    targets: [scope.projectId],
    pairs: results,
    outcome: rollUp(results),
    // Whose images were answered: their accounts hear of it (lib/notify), when they use this console.
    ...(Object.keys(owners).length && { detail: { owners } }),
  });
  return results;
}
