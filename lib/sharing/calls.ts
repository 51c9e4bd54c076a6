import "server-only";
import { addPhoneImageMember, deletePhoneImageMember } from "@/lib/cloud/cph";
import { batchAddMembers, batchDeleteMembers, type Scope } from "@/lib/cloud/ims";
import type { ImageService, Operation } from "./pairs";
import { batchBody, type TargetKind } from "./targets";

/**
 * One member call, the same shape for both services: IMS takes many images and targets at once and
 * answers with a job to follow; CPH takes one image and one project and answers when it is done.
 */
export interface MemberCall {
  service: ImageService;
  operation: Operation;
  images: string[];
  targets: { kind: TargetKind; value: string; memberId: string }[];
}

/** What the cloud answered: a job to follow (IMS), or none (CPH: applied). */
export interface CallAnswer {
  jobId?: string;
  requestId?: string;
}

/** The request body a call sends, as recorded before it is made. */
export function callBody(call: MemberCall): unknown {
  if (call.service === "ims") return batchBody(call.images, call.targets);
  return { image_id: call.images[0], member: call.targets[0].memberId };
}

/** Makes the call; throws the cloud's refusal as a CloudError. */
export async function sendCall(scope: Scope, call: MemberCall): Promise<CallAnswer> {
  if (call.service === "ims") {
    const send = call.operation === "unshare" ? batchDeleteMembers : batchAddMembers;
    return send(scope, batchBody(call.images, call.targets));
  }
  const [image] = call.images;
  const { memberId } = call.targets[0];
  const res =
    call.operation === "unshare"
      ? await deletePhoneImageMember(scope, image, memberId)
      : await addPhoneImageMember(scope, image, memberId);
  return { requestId: res.requestId };
}

/** A pair as calls are formed from it. */
export interface CallPair {
  image_id: string;
  target_kind: string;
  target: string;
  member_id: string;
}

/** The pairs of one call as the call itself (every pair of one service and operation). */
export function callOf<P extends CallPair>(service: ImageService, operation: Operation, pairs: P[]): MemberCall {
  const targets = new Map<string, MemberCall["targets"][number]>();
  for (const p of pairs)
    targets.set(p.target, { kind: p.target_kind as TargetKind, value: p.target, memberId: p.member_id });
  return { service, operation, images: [...new Set(pairs.map((p) => p.image_id))], targets: [...targets.values()] };
}

/** The pairs grouped into calls: CPH one call per pair, IMS as `chunkCalls` groups them. */
export function groupCalls<P extends { image_id: string; target: string }>(
  service: ImageService,
  pairs: P[],
  limits: { chunkImages: number; targetsPerCall: number },
): P[][] {
  return service === "cph" ? pairs.map((p) => [p]) : chunkCalls(pairs, limits.chunkImages, limits.targetsPerCall);
}

/**
 * Groups IMS pairs into batch calls: images that need the same targets go
 * together, up to `chunkImages` images and `targetsPerCall` targets a call, so that every call's cross
 * product is exactly the pairs it carries.
 */
export function chunkCalls<P extends { image_id: string; target: string }>(
  pairs: P[],
  chunkImages: number,
  targetsPerCall: number,
): P[][] {
  const byImage = new Map<string, P[]>();
  for (const p of pairs) {
    const list = byImage.get(p.image_id);
    if (list) list.push(p);
    else byImage.set(p.image_id, [p]);
  }
  const groups = new Map<string, Map<string, P[]>>();
  for (const [image, list] of byImage) {
    list.sort((a, b) => a.target.localeCompare(b.target));
    for (let i = 0; i < list.length; i += targetsPerCall) {
      const slice = list.slice(i, i + targetsPerCall);
      const key = slice.map((p) => p.target).join("|");
      const group = groups.get(key) ?? new Map<string, P[]>();
      group.set(image, slice);
      groups.set(key, group);
    }
  }
  const calls: P[][] = [];
  for (const group of groups.values()) {
    const images = [...group.values()];
    for (let i = 0; i < images.length; i += chunkImages) calls.push(images.slice(i, i + chunkImages).flat());
  }
  return calls;
}
