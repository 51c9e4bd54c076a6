/** A pair still in the tracker's hands, as the calls are formed and settled. */
export interface OpenPair {
  idx: number;
  image_id: string;
  service: string;
  target_kind: string;
  target: string;
  member_id: string;
  attempt: number;
}

/** Whether the members read back show the pair's change applied (a member for share, none for unshare). */
export function isApplied(operation: string, present: Map<string, Set<string>>, p: OpenPair): boolean {
  const there = present.get(p.image_id)?.has(p.member_id) ?? false;
  return operation === "unshare" ? !there : there;
}

/**
 * Groups waiting IMS pairs into batch calls: images that need the same targets go together, up to
 * `chunkImages` images and `targetsPerCall` targets a call, so that every call's cross product is
 * exactly the pairs it carries.
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
