import { planShare, type ImageFacts } from "@/lib/sharing/plan";
import { PHONE_MEMBER_LIMIT } from "@/lib/sharing/phone-plan";
import type { ParsedTarget, Target } from "@/lib/sharing/targets";
import type { BatchOperation, ImageService, NewBatchPair } from "./types";

/** Most images, targets and pairs one batch takes; the tracker chunks them into calls of 100 targets. */
export const BATCH_LIMITS = { images: 500, targets: 1_000, pairs: 50_000 } as const;

/** Cell codes of the compact plan; a code n >= 2 is blocked with `reasons[n - 2]`. */
export const CELL_SEND = 0;
export const CELL_SKIP = 1;

/** What the planner knows about one image, loaded beforehand (`loadBatchFacts`). */
export interface BatchImageFacts {
  id: string;
  name: string;
  service: ImageService;
  /** False when the image belongs to another project (or could not be found): nothing can change its members. */
  owned: boolean;
  /** Why the image cannot be shared at all (public, encrypted, not found…). */
  shareBlocker?: string;
  /** Why its members cannot be changed at all (not owned, not found). */
  unshareBlocker?: string;
  memberIds: string[];
  limit: number;
}

export interface BatchPlanFacts {
  operation: BatchOperation;
  images: BatchImageFacts[];
  targets: ParsedTarget[];
  owner: { projectId: string; accountId: string; region: string };
  /** The user's own projects (IAM), the only ones whose region the console knows. */
  knownProjects: { id: string; name: string }[];
}

export interface PlanTargetView extends Target {
  /** The project's name when it is one of the user's own projects. */
  label?: string;
}

export interface BatchPlanCounts {
  /** Pairs to send: members to add (share) or to remove (unshare). */
  send: number;
  skip: number;
  blocked: number;
  pairs: number;
}

/** The plan as the browser gets it: images × targets as one number per cell, not 20,000 objects. */
export interface BatchPlanView {
  operation: BatchOperation;
  images: { id: string; name: string; service: ImageService; blocker?: string }[];
  targets: PlanTargetView[];
  invalid: { input: string; reason: string }[];
  /** Row-major images × targets: 0 send, 1 skip, n >= 2 blocked with `reasons[n - 2]`. */
  cells: number[];
  reasons: string[];
  counts: BatchPlanCounts;
}

/** Why a pair is skipped, per operation. */
export const SKIP_REASON: Record<BatchOperation, string> = { share: "Already a member.", unshare: "Not a member." };

const regionOfName = (name: string) => name.split("_")[0];

/**
 * Decides every image × target pair of a batch before anything is sent, from facts loaded
 * beforehand. Share reuses `planShare` (own project or account, already a member, quota counting
 * the adds before it) for IMS images and the CPH rules (projects only, same region, 10 members) for
 * phone images; a target that is one of the user's projects in another region is blocked for both.
 * Unshare removes members and skips targets that are not members.
 */
export function planBatch(facts: BatchPlanFacts): BatchPlanView {
  const targets: PlanTargetView[] = [];
  const invalid: BatchPlanView["invalid"] = [];
  for (const t of facts.targets) {
    if (t.ok) targets.push(t.target);
    else invalid.push({ input: t.input, reason: t.reason });
  }
  const known = new Map(facts.knownProjects.map((p) => [p.id, p.name]));
  for (const t of targets) {
    const name = t.kind === "project" ? known.get(t.value) : undefined;
    if (name) t.label = name;
  }

  const reasons: string[] = [];
  const reasonCode = new Map<string, number>();
  const code = (reason: string) => {
    let c = reasonCode.get(reason);
    if (c === undefined) {
      c = reasons.push(reason) + 1;
      reasonCode.set(reason, c);
    }
    return c;
  };

  const { region } = facts.owner;
  const otherRegion = targets.map((t) => {
    const r = t.label ? regionOfName(t.label) : undefined;
    if (!r || r === region) return undefined;
    return `Must be in ${region}: this is your ${r} project${t.label === r ? "" : ` ${t.label}`}.`;
  });

  const width = targets.length;
  const cells = new Array<number>(facts.images.length * width);
  facts.images.forEach((image, i) => {
    const row =
      facts.operation === "unshare" ? unshareRow(image, targets) : shareRow(image, targets, otherRegion, facts.owner);
    for (let t = 0; t < width; t++) {
      const d = row[t];
      cells[i * width + t] = d === "send" ? CELL_SEND : d === "skip" ? CELL_SKIP : code(d);
    }
  });

  const counts: BatchPlanCounts = { send: 0, skip: 0, blocked: 0, pairs: cells.length };
  for (const c of cells) {
    if (c === CELL_SEND) counts.send++;
    else if (c === CELL_SKIP) counts.skip++;
    else counts.blocked++;
  }
  const images = facts.images.map((image) => {
    const blocker = facts.operation === "unshare" ? image.unshareBlocker : image.shareBlocker;
    return { id: image.id, name: image.name, service: image.service, ...(blocker ? { blocker } : {}) };
  });
  return { operation: facts.operation, images, targets, invalid, cells, reasons, counts };
}

/** One image's decisions: "send", "skip", or the reason it is blocked. */
type RowDecision = "send" | "skip" | string;

function shareRow(
  image: BatchImageFacts,
  targets: Target[],
  otherRegion: (string | undefined)[],
  owner: BatchPlanFacts["owner"],
): RowDecision[] {
  const row = new Array<RowDecision>(targets.length);
  if (image.shareBlocker) return row.fill(image.shareBlocker);
  if (image.service === "cph") return phoneRow(image, targets, otherRegion, owner.projectId);
  // Targets of another region never count toward the quota: plan the others with planShare.
  const open: number[] = [];
  targets.forEach((_, t) => {
    if (otherRegion[t]) row[t] = otherRegion[t];
    else open.push(t);
  });
  const facts: ImageFacts = {
    id: image.id,
    name: image.name,
    members: image.memberIds.map((member_id) => ({ member_id })),
    limit: image.limit,
  };
  const planned = planShare(
    [facts],
    open.map((t) => ({ ok: true as const, target: targets[t] })),
    owner,
  );
  planned.forEach(
    (p, k) =>
      (row[open[k]] = p.decision === "add" ? "send" : p.decision === "skip" ? "skip" : (p.reason ?? "Blocked.")),
  );
  return row;
}

/** CPH: projects only, the image's region only, at most 10 members counting the adds before it. */
function phoneRow(
  image: BatchImageFacts,
  targets: Target[],
  otherRegion: (string | undefined)[],
  ownerProjectId: string,
): RowDecision[] {
  const members = new Set(image.memberIds);
  const limit = image.limit || PHONE_MEMBER_LIMIT;
  let count = members.size;
  return targets.map((target, t) => {
    if (target.kind !== "project") return "CPH shares with projects only: paste a project id.";
    if (target.value === ownerProjectId) return "This is the image's own project.";
    if (otherRegion[t]) return otherRegion[t];
    if (members.has(target.value)) return "skip";
    if (count >= limit)
      return `Over the limit of ${limit} members: ${count} / ${limit} counting the projects added before it.`;
    count++;
    return "send";
  });
}

function unshareRow(image: BatchImageFacts, targets: Target[]): RowDecision[] {
  if (image.unshareBlocker) return targets.map(() => image.unshareBlocker as string);
  const members = new Set(image.memberIds);
  return targets.map((target) => {
    if (image.service === "cph" && target.kind !== "project")
      return "CPH shares with projects only: paste a project id.";
    return members.has(target.memberId) ? "send" : "skip";
  });
}

/** Parses exclusion keys (`imageIndex:targetIndex`) into flat cell indexes; keys outside the plan are refused. */
export function excludedCells(keys: readonly string[], images: number, targets: number): Set<number> | { bad: string } {
  const out = new Set<number>();
  for (const key of keys) {
    const [i, t] = key.split(":").map(Number);
    if (!Number.isInteger(i) || !Number.isInteger(t) || i < 0 || t < 0 || i >= images || t >= targets)
      return { bad: key };
    out.add(i * targets + t);
  }
  return out;
}

/**
 * The pairs `createBatch` takes: send → waiting, skip → skipped, blocked → blocked with its reason,
 * and sends the user took out → excluded. Only sends can be excluded; other cells keep their fate.
 */
export function pairsOf(plan: BatchPlanView, excluded: ReadonlySet<number>): NewBatchPair[] {
  const width = plan.targets.length;
  const skipReason = SKIP_REASON[plan.operation];
  return plan.cells.map((c, idx): NewBatchPair => {
    const pair = { image: Math.floor(idx / width), target: idx % width };
    if (c === CELL_SEND)
      return excluded.has(idx)
        ? { ...pair, status: "excluded", reason: "Taken out of the plan." }
        : { ...pair, status: "waiting" };
    if (c === CELL_SKIP) return { ...pair, status: "skipped", reason: skipReason };
    return { ...pair, status: "blocked", reason: plan.reasons[c - 2] };
  });
}
