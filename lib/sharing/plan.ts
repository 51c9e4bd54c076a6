import type { Member } from "@/lib/cloud/schemas/ims";
import type { Blocker } from "./shareability";
import type { ParsedTarget, Target } from "./targets";

export type Decision = "add" | "skip" | "blocked";

export interface PlannedPair {
  imageId: string;
  /** The target as typed, for rows that did not parse. */
  input: string;
  target?: Target;
  decision: Decision;
  reason?: string;
}

export interface ImageFacts {
  id: string;
  name: string;
  blocker?: Blocker;
  members: Pick<Member, "member_id">[];
  limit: number;
}

export interface Owner {
  projectId: string;
  accountId: string;
}

/**
 * Decides every image × target pair before anything is sent: add, skip (already a member), or
 * blocked with the reason (bad format, the owner's own project or account, image not shareable,
 * quota used up counting the pairs added before it in the same plan).
 */
export function planShare(images: ImageFacts[], targets: ParsedTarget[], owner: Owner): PlannedPair[] {
  const pairs: PlannedPair[] = [];
  for (const image of images) {
    const existing = new Set(image.members.map((m) => m.member_id));
    let count = image.members.length;
    for (const t of targets) {
      if (!t.ok) {
        pairs.push({ imageId: image.id, input: t.input, decision: "blocked", reason: t.reason });
        continue;
      }
      const { target } = t;
      const pair = { imageId: image.id, input: target.value, target };
      if (image.blocker) pairs.push({ ...pair, decision: "blocked", reason: image.blocker.reason });
      else if (target.kind === "project" && target.value === owner.projectId) {
        pairs.push({ ...pair, decision: "blocked", reason: "This is the image's own project." });
      } else if (target.kind === "account" && target.value === owner.accountId) {
        pairs.push({ ...pair, decision: "blocked", reason: "This is your own account." });
      } else if (existing.has(target.memberId)) {
        pairs.push({ ...pair, decision: "skip", reason: "Already a member." });
      } else if (count >= image.limit) {
        pairs.push({ ...pair, decision: "blocked", reason: `Member quota used up: ${count} / ${image.limit}.` });
      } else {
        count++;
        pairs.push({ ...pair, decision: "add" });
      }
    }
  }
  return pairs;
}

/** The pairs to send, grouped into batch calls: images that add the same targets share one call. */
export function batchesOf(pairs: PlannedPair[]): { images: string[]; targets: Target[] }[] {
  const byImage = new Map<string, Target[]>();
  for (const p of pairs)
    if (p.decision === "add" && p.target) byImage.set(p.imageId, [...(byImage.get(p.imageId) ?? []), p.target]);
  const groups = new Map<string, { images: string[]; targets: Target[] }>();
  for (const [imageId, targets] of byImage) {
    const key = targets
      .map((t) => `${t.kind}:${t.value}`)
      .sort()
      .join("|");
    const group = groups.get(key) ?? { images: [], targets };
    group.images.push(imageId);
    groups.set(key, group);
  }
  return [...groups.values()];
}
