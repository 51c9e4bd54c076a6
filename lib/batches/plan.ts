import { text, type Text } from "@/lib/i18n/text";
import { countVerdicts, judgePairs, RISK_FLAGS, VERDICTS, type RiskFlag, type Verdict } from "@/lib/policy/evaluate";
import type { PolicyMode } from "@/lib/policy/policy";
import { policyImageOf, type PolicyCheck } from "@/lib/sharing/plan";
import { decideImage, REASONS, type ImageFacts } from "@/lib/sharing/rules";
import type { ParsedTarget, Target } from "@/lib/sharing/targets";
import type { BatchOperation, ImageService, NewBatchPair } from "./types";

/** Most images, targets and pairs one batch takes; the tracker chunks them into calls of 100 targets. */
export const BATCH_LIMITS = { images: 500, targets: 1_000, pairs: 50_000 } as const;

/** Cell codes of the compact plan; a code n >= 2 is blocked with `reasons[n - 2]`. */
export const CELL_SEND = 0;
export const CELL_SKIP = 1;

/** What the planner knows about one image (the sharing rules' facts). */
export type BatchImageFacts = ImageFacts;

export interface BatchPlanFacts {
  operation: BatchOperation;
  images: BatchImageFacts[];
  targets: ParsedTarget[];
  owner: { projectId: string; accountId: string; region: string };
  /** The user's own projects (IAM), the only ones whose region the console knows. */
  knownProjects: { id: string; name: string }[];
  /** The account's sharing policy, for a share (lib/sharing/policy `loadPolicyCheck`). */
  check?: PolicyCheck;
}

/** What the sharing policy says of a batch's sends, one number per cell like the plan itself. */
export interface BatchPolicyView {
  mode: Exclude<PolicyMode, "off">;
  /** Per cell: the index in `VERDICTS` of a send's verdict, -1 for cells that are not sends. */
  verdicts: number[];
  /** Per cell: the index in `because` of the rule that decided it, -1 for none. */
  rules: number[];
  because: Text[];
  counts: Record<Verdict, number>;
  /** How many sends carry each risk. */
  risks: Partial<Record<RiskFlag, number>>;
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
  images: { id: string; name: string; service: ImageService; blocker?: Text }[];
  targets: PlanTargetView[];
  invalid: { input: string; reason: Text }[];
  /** Row-major images × targets: 0 send, 1 skip, n >= 2 blocked with `reasons[n - 2]`. */
  cells: number[];
  reasons: Text[];
  counts: BatchPlanCounts;
  policy?: BatchPolicyView;
}

/** Why a pair is skipped, per operation. */
export const SKIP_REASON: Record<BatchOperation, Text> = {
  share: REASONS.alreadyMember,
  unshare: REASONS.notMember,
};

/**
 * Decides every image × target pair of a batch before anything is sent, from facts loaded
 * beforehand, by the sharing rules (`decideImage` in lib/sharing/rules.ts), for IMS and CPH images,
 * share and unshare alike; the plan is kept as one number per cell.
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

  const reasons: Text[] = [];
  const reasonCode = new Map<string, number>();
  const code = (reason: Text) => {
    const key = JSON.stringify(reason);
    let c = reasonCode.get(key);
    if (c === undefined) {
      c = reasons.push(reason) + 1;
      reasonCode.set(key, c);
    }
    return c;
  };

  const ctx = { operation: facts.operation, owner: facts.owner, knownProjects: facts.knownProjects };
  const width = targets.length;
  const cells = new Array<number>(facts.images.length * width);
  facts.images.forEach((image, i) => {
    const row = decideImage(image, targets, ctx);
    for (let t = 0; t < width; t++) {
      const d = row[t];
      cells[i * width + t] = d.send
        ? CELL_SEND
        : d.skip
          ? CELL_SKIP
          : code(d.reason ?? text("sharing.reasons.blocked"));
    }
  });

  const policy = facts.operation === "share" && facts.check ? judgeCells(facts, targets, cells, code) : undefined;

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
  return { operation: facts.operation, images, targets, invalid, cells, reasons, counts, ...(policy && { policy }) };
}

/**
 * The policy's verdict on every send, in place: enforced, a denied send becomes a blocked cell with the
 * rule as its reason; in audit mode it stays a send that says what would be.
 */
function judgeCells(
  facts: BatchPlanFacts,
  targets: readonly Target[],
  cells: number[],
  code: (reason: Text) => number,
): BatchPolicyView | undefined {
  const { policy, world } = facts.check!;
  const width = targets.length;
  const sends = cells.flatMap((c, idx) => (c === CELL_SEND ? [idx] : []));
  const judged = judgePairs(
    policy,
    world,
    sends.map((idx) => ({
      image: policyImageOf(facts.images[Math.floor(idx / width)]),
      target: targets[idx % width],
    })),
  );
  if (policy.mode === "off") return undefined;
  const verdicts = new Array<number>(cells.length).fill(-1);
  const rules = new Array<number>(cells.length).fill(-1);
  const because: Text[] = [];
  const becauseIndex = new Map<string, number>();
  const risks: Partial<Record<RiskFlag, number>> = {};
  sends.forEach((idx, k) => {
    const { verdict, risks: flags } = judged[k];
    for (const f of flags) risks[f] = (risks[f] ?? 0) + 1;
    if (!verdict) return;
    verdicts[idx] = VERDICTS.indexOf(verdict.verdict);
    const key = JSON.stringify(verdict.because);
    if (!becauseIndex.has(key)) becauseIndex.set(key, because.push(verdict.because) - 1);
    rules[idx] = becauseIndex.get(key)!;
    if (policy.mode === "enforce" && verdict.verdict === "denied") cells[idx] = code(verdict.because);
  });
  const ordered = Object.fromEntries(RISK_FLAGS.flatMap((f) => (risks[f] ? [[f, risks[f]]] : [])));
  return { mode: policy.mode, verdicts, rules, because, counts: countVerdicts(judged), risks: ordered };
}

/**
 * What the batch's sends still need once the user's exclusions are taken out: the strictest verdict
 * of the sends left (denied sends are blocked when enforced), or "allowed" with no policy.
 */
export function batchNeeds(plan: BatchPlanView, excluded: ReadonlySet<number>): Verdict {
  let worst = 0;
  plan.policy?.verdicts.forEach((v, idx) => {
    if (v > worst && plan.cells[idx] === CELL_SEND && !excluded.has(idx)) worst = v;
  });
  return VERDICTS[worst];
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
        ? { ...pair, status: "excluded", reason: text("batches.pairReason.excluded") }
        : { ...pair, status: "waiting" };
    if (c === CELL_SKIP) return { ...pair, status: "skipped", reason: skipReason };
    return { ...pair, status: "blocked", reason: plan.reasons[c - 2] };
  });
}
