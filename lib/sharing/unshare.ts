import "server-only";
import type { z } from "zod";
import type { ChangeContext } from "./context";
import { listPhoneImageMembers } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import type { Scope } from "@/lib/cloud/ims";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { getDb } from "@/lib/db";
import { applyPairs } from "./apply";
import type { CallPair } from "./calls";
import type { UnshareResultView, unshareInput } from "./forms";
import { closeLeasesOf } from "./leases";
import { readImage } from "./load";
import { rollUp, type ImageService, type PairOutcome } from "./pairs";
import { findPhoneImage } from "./phones";
import { mapPool } from "./pool";
import { memberTarget } from "./targets";

/** A member as an unshare removes it: the call's target (a URN for an organization) and whether it had accepted. */
export interface RemovableMember {
  id: string;
  pair?: CallPair;
  accepted: boolean;
}

/** The owner's image with its members, for either service; a missing image is `not_found`. */
export async function readOwnImage(
  scope: Scope,
  service: ImageService,
  imageId: string,
): Promise<{ name: string; members: RemovableMember[] }> {
  if (service === "cph") {
    const [image, members] = await Promise.all([findPhoneImage(scope, imageId), listPhoneImageMembers(scope, imageId)]);
    if (!image) throw new CloudError("cph", 404, "not_found", "The phone image is not among this project's images.");
    return {
      name: image.image_name,
      members: members.map((m) => ({
        id: m.member_id,
        accepted: true,
        pair: { image_id: imageId, target_kind: "project", target: m.member_id, member_id: m.member_id },
      })),
    };
  }
  const { image, members } = await readImage(scope, imageId);
  if (image.owner !== scope.projectId) throw new UserError("forbidden", text("errors.upstream.IMG_0047"));
  return {
    name: image.name,
    members: members.map((m) => {
      const [target] = memberTarget(m);
      return {
        id: m.member_id,
        accepted: m.status === "accepted",
        ...(target
          ? { pair: { image_id: imageId, target_kind: target.kind, target: target.value, member_id: m.member_id } }
          : {}),
      };
    }),
  };
}

/** What removing some members of one image does: the calls to make, and the pairs that need none. */
export interface Removal {
  chosen: RemovableMember[];
  pairs: CallPair[];
  /** Members already gone (skipped) and members without a URN to remove them by (failed). */
  unsent: PairOutcome[];
}

/** The manual unshare's and the lease scheduler's one reading of "remove these members of this image". */
export function planRemoval(imageId: string, members: readonly RemovableMember[], wanted: readonly string[]): Removal {
  const byId = new Map(members.map((m) => [m.id, m]));
  const chosen = wanted.flatMap((id) => byId.get(id) ?? []);
  const skipped: PairOutcome[] = wanted
    .filter((id) => !byId.has(id))
    .map((target) => ({
      image: imageId,
      target,
      outcome: "skipped",
      code: "not_member",
      reason: text("sharing.reasons.noLongerMember"),
    }));
  const noUrn: PairOutcome[] = chosen
    .filter((m) => !m.pair)
    .map((m) => ({
      image: imageId,
      target: m.id,
      outcome: "failed",
      code: "no_urn",
      reason: text("sharing.failures.noUrn"),
    }));
  return { chosen, pairs: chosen.flatMap((m) => m.pair ?? []), unsent: [...noUrn, ...skipped] };
}

/**
 * Removes members of several images, as a manual unshare does (the same reading, calls and read-back):
 * what the lease scheduler ends. An image that is gone has its members skipped as gone.
 */
export async function removeMembers(
  scope: Scope,
  service: ImageService,
  wanted: ReadonlyMap<string, readonly string[]>,
  onCall?: Parameters<typeof applyPairs>[2],
): Promise<{ outcomes: PairOutcome[]; names: Map<string, string> }> {
  const names = new Map<string, string>();
  const removals = await mapPool([...wanted], 8, async ([imageId, memberIds]) => {
    try {
      const image = await readOwnImage(scope, service, imageId);
      names.set(imageId, image.name);
      return planRemoval(imageId, image.members, memberIds);
    } catch (e) {
      if (!(e instanceof CloudError && e.status === 404)) throw e;
      return planRemoval(imageId, [], memberIds);
    }
  });
  const pairs = removals.flatMap((r) => r.pairs);
  const applied = pairs.length
    ? await applyPairs(scope, { service, operation: "unshare", pairs }, onCall)
    : { outcomes: [] };
  return { outcomes: [...applied.outcomes, ...removals.flatMap((r) => r.unsent)], names };
}

/**
 * Stops sharing, for both services: the chosen members, or all of them once the image's name is
 * typed exactly. Members already gone are reported as skipped; the rest are removed and read back.
 * Their end dates (lib/sharing/leases) end with them.
 */
export async function unshareOf(
  service: ImageService,
  input: z.output<typeof unshareInput>,
  ctx: ChangeContext,
): Promise<UnshareResultView> {
  const image = await readOwnImage(ctx.scope, service, input.imageId);
  if (input.all && input.confirmName !== image.name) {
    throw new UserError("invalid_input", text("errors.said.typeNameToRemoveAll", { name: image.name }), "confirmName");
  }
  const wanted = input.all ? image.members.map((m) => m.id) : [...new Set(input.memberIds)];
  const { chosen, pairs, unsent } = planRemoval(input.imageId, image.members, wanted);
  // Nothing left to remove: a clear refusal, not a list of skips (the page the user acted on is stale).
  if (chosen.length === 0) throw new UserError("not_found", text("errors.said.membersGone"));
  await ctx.intent({
    service,
    expect: "absent",
    pairs: pairs.map((p) => ({ image: p.image_id, target: p.member_id })),
  });
  const applied = pairs.length
    ? await applyPairs(ctx.scope, { service, operation: "unshare", pairs }, (a) =>
        ctx.note({ jobId: a.jobIds.join(",") || undefined, requestId: a.requestIds.join(",") || undefined }),
      )
    : { outcomes: [], jobIds: [] };
  const results = [...applied.outcomes, ...unsent];
  ctx.note({ images: [input.imageId], targets: chosen.map((m) => m.id), pairs: results, outcome: rollUp(results) });
  const removed = applied.outcomes.filter((o) => o.outcome === "succeeded");
  await closeLeasesOf(await getDb(), ctx.scope.projectId, removed, "unshared");
  const removedIds = new Set(removed.map((o) => o.target));
  return {
    imageName: image.name,
    results,
    jobIds: applied.jobIds,
    removedAccepted: chosen.filter((m) => m.accepted && removedIds.has(m.id)).length,
  };
}
