import { createHash } from "node:crypto";
import { CELL_SEND, planBatch } from "@/lib/batches/plan";
import type { BatchOperation } from "@/lib/batches/types";
import { text, type Text } from "@/lib/i18n/text";
import { judgePairs } from "@/lib/policy/evaluate";
import { MAX_LEASE_MS } from "@/lib/sharing/forms";
import { policyImageOf } from "@/lib/sharing/plan";
import type { Target } from "@/lib/sharing/targets";
import type { Manifest } from "./schema";
import { selectImages } from "./select";
import type { ManifestAction, ManifestPlan, ManifestPlanPair, ManifestWorld, WorldImage, WorldMember } from "./types";

/** One image with the targets a side of the plan (adds or removes) asks the batch planner about. */
interface Row {
  image: WorldImage;
  targets: Target[];
}

/** A pair the batch planner decided: sent, or blocked with its reason (nothing else is asked). */
interface Decided {
  image: WorldImage;
  target: Target;
  send: boolean;
  reason?: Text;
}

const targetOf = ({ kind, value, memberId }: Target): Target => ({ kind, value, memberId });
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The batch planner's decisions (`planBatch`: the sharing rules of lib/sharing/rules, for IMS and CPH) on
 * each row. Rows with the same targets make one images × targets plan, so that every image is decided
 * over exactly its own targets: the member limit counts only the adds the manifest makes to that image.
 */
function decide(operation: BatchOperation, rows: Row[], world: ManifestWorld): Decided[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    if (row.targets.length === 0) continue;
    const key = row.targets.map((t) => t.memberId).join(" ");
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const out: Decided[] = [];
  for (const group of groups.values()) {
    const targets = group[0].targets;
    const view = planBatch({
      operation,
      images: group.map((r) => r.image.facts),
      targets: targets.map((t) => ({ ok: true as const, target: targetOf(t) })),
      owner: world.owner,
      knownProjects: world.knownProjects,
    });
    group.forEach((row, i) =>
      targets.forEach((target, t) => {
        const cell = view.cells[i * targets.length + t];
        const reason = cell >= 2 ? view.reasons[cell - 2] : undefined;
        out.push({ image: row.image, target, send: cell === CELL_SEND, ...(reason && { reason }) });
      }),
    );
  }
  return out;
}

function pairOf(image: WorldImage, target: Target, action: ManifestAction): ManifestPlanPair {
  const { id, name, service } = image.facts;
  return { image: id, imageName: name, service, target: targetOf(target), action };
}

/** Why an end date cannot be given to a new share, or undefined when it can. */
function endDateProblem(endsAt: number | undefined, now: number): Text | undefined {
  if (endsAt === undefined) return undefined;
  if (endsAt <= now) return text("manifest.reasons.endsAtPassed", { endsAt: iso(endsAt) });
  if (endsAt > now + MAX_LEASE_MS) return text("manifest.reasons.endsAtTooFar", { endsAt: iso(endsAt) });
  return undefined;
}

/** A member as a target the batch API can name: organizations by URN, so one without a URN cannot be. */
const memberTarget = (m: WorldMember): Target | undefined =>
  m.value === undefined ? undefined : { kind: m.kind, value: m.value, memberId: m.memberId };

const KIND_ORDER = { project: 0, account: 1, organization: 2 } as const;

function byPlace(a: ManifestPlanPair, b: ManifestPlanPair): number {
  return (
    a.imageName.localeCompare(b.imageName) ||
    a.image.localeCompare(b.image) ||
    KIND_ORDER[a.target.kind] - KIND_ORDER[b.target.kind] ||
    a.target.value.localeCompare(b.target.value)
  );
}

/**
 * SHA-256 over what the plan would change (adds, removes and blocked pairs, with end dates and the
 * policy's verdicts), sorted: the same cloud gives the same digest, and apply refuses another.
 */
function planDigest(pairs: readonly ManifestPlanPair[]): string {
  const changes = pairs
    .filter((p) => p.action !== "keep")
    .map((p) => [p.action, p.image, p.target.kind, p.target.value, p.endsAt ?? "", p.verdict ?? ""].join("\t"))
    .sort();
  return createHash("sha256").update(changes.join("\n")).digest("hex");
}

/**
 * Plans a manifest against what the server loaded, pair by pair: add (wanted, not a member), remove (a
 * member of an image the manifest owns, not wanted), keep (wanted and a member), blocked (the sharing
 * rules or the enforced policy refuse the add or the remove, with the same reasons and verdicts as every
 * other plan). Pure: planning 20,000 pairs takes milliseconds.
 */
export function planManifest(manifest: Manifest, world: ManifestWorld): ManifestPlan {
  const selection = selectImages(
    manifest,
    world.images.map((i) => i.facts),
  );
  const byId = new Map(world.images.map((i) => [i.facts.id, i]));
  const leases = new Map(world.leases.map((l) => [`${l.imageId} ${l.memberId}`, l.endsAt]));
  const pairs: ManifestPlanPair[] = [];
  const adds: Row[] = [];
  const removes: Row[] = [];
  const endOf = new Map<string, number>();

  for (const [imageId, desired] of selection.owned) {
    const image = byId.get(imageId)!;
    const members = new Map((image.members ?? []).map((m) => [m.memberId, m]));
    const add: Row = { image, targets: [] };
    for (const wanted of [...desired.values()].sort((a, b) => a.memberId.localeCompare(b.memberId))) {
      const member = members.get(wanted.memberId);
      if (member) {
        const lease = leases.get(`${imageId} ${member.memberId}`);
        pairs.push({
          ...pairOf(image, wanted, "keep"),
          ...(member.status && { memberStatus: member.status }),
          ...(lease !== undefined && { endsAt: iso(lease) }),
        });
        continue;
      }
      const problem = endDateProblem(wanted.endsAt, world.now);
      if (problem) pairs.push({ ...pairOf(image, wanted, "blocked"), change: "add", reason: problem });
      else {
        add.targets.push(wanted);
        if (wanted.endsAt !== undefined) endOf.set(`${imageId} ${wanted.memberId}`, wanted.endsAt);
      }
    }
    adds.push(add);
    const remove: Row = { image, targets: [] };
    for (const member of image.members ?? []) {
      if (desired.has(member.memberId)) continue;
      const target = memberTarget(member);
      if (target) remove.targets.push(target);
      else {
        const unnamed = { kind: member.kind, value: member.memberId, memberId: member.memberId };
        pairs.push({ ...pairOf(image, unnamed, "blocked"), change: "remove", reason: text("manifest.reasons.noUrn") });
      }
    }
    removes.push(remove);
  }

  const sends = decide("share", adds, world);
  const judged = judgeAdds(sends, world);
  sends.forEach((d, k) => {
    const verdict = judged[k];
    const denied = world.check?.policy.mode === "enforce" && verdict?.verdict === "denied";
    const action = d.send && !denied ? "add" : "blocked";
    const endsAt = endOf.get(`${d.image.facts.id} ${d.target.memberId}`);
    pairs.push({
      ...pairOf(d.image, d.target, action),
      ...(action === "blocked" && { change: "add" as const, reason: denied ? verdict!.because : d.reason }),
      ...(verdict && { verdict: verdict.verdict }),
      ...(action === "add" && endsAt !== undefined && { endsAt: iso(endsAt) }),
    });
  });
  for (const d of decide("unshare", removes, world)) {
    const member = d.image.members?.find((m) => m.memberId === d.target.memberId);
    pairs.push({
      ...pairOf(d.image, d.target, d.send ? "remove" : "blocked"),
      ...(member?.status && { memberStatus: member.status }),
      ...(!d.send && { change: "remove" as const }),
      ...(!d.send && d.reason && { reason: d.reason }),
    });
  }

  pairs.sort(byPlace);
  const counts: Record<ManifestAction, number> = { add: 0, remove: 0, keep: 0, blocked: 0 };
  for (const p of pairs) counts[p.action]++;
  return {
    digest: planDigest(pairs),
    counts,
    warnings: selection.warnings.map((message) => ({ message })),
    pairs,
  };
}

/** The policy's verdict on each pair the rules would add, judged together: the plan's size is the manifest's. */
function judgeAdds(decided: readonly Decided[], world: ManifestWorld) {
  const out = new Array<ReturnType<typeof judgePairs>[number]["verdict"]>(decided.length);
  if (!world.check) return out;
  const sends = decided.flatMap((d, k) => (d.send ? [k] : []));
  const judged = judgePairs(
    world.check.policy,
    world.check.world,
    sends.map((k) => ({ image: policyImageOf(decided[k].image.facts), target: decided[k].target })),
  );
  sends.forEach((k, j) => (out[k] = judged[j].verdict));
  return out;
}

/**
 * What differs from the file (drift, for a stored manifest): the pairs a plan would add or remove, and
 * those it would but cannot (blocked), which differ just the same.
 */
export function driftOf(plan: ManifestPlan): ManifestPlanPair[] {
  return plan.pairs.filter((p) => p.action !== "keep");
}
