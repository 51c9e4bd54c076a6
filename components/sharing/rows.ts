import { text, type Text } from "@/lib/i18n/text";
import type { PlanRow, ShareResultView, SharePlanView, UnshareResultView } from "@/lib/sharing/forms";
import type { PairOutcome } from "@/lib/sharing/pairs";
import type { TargetKind } from "@/lib/sharing/targets";
import type { PairVerdict, RiskFlag } from "@/lib/policy/evaluate";
import type { PolicyMode } from "@/lib/policy/policy";

/** A decision of the plan, or what happened to the pair when it was sent. */
export type Outcome = "add" | "skip" | "blocked" | "succeeded" | "failed" | "skipped" | "unknown";

/** One line of the plan or outcome table. */
export interface OutcomeRow {
  key: string;
  /** The image's name, shown when the change holds several images. */
  image?: string;
  /** The target as typed, or the member id. */
  target: string;
  kind?: TargetKind;
  /** The project's name when it is one of the user's own projects. */
  name?: string;
  outcome: Outcome;
  reason?: Text;
  code?: string;
  /** The sharing policy's verdict on a pair to add, and whether it is enforced or only audited. */
  policy?: PairVerdict & { mode: PolicyMode };
  risks?: RiskFlag[];
}

/** What a pair that was shared says: the recipient still has to accept it. */
export const SHARED_REASON = text("sharing.outcome.sharedReason");
export const REMOVED_REASON = text("sharing.outcome.removedReason");
export const NO_OUTCOME = text("sharing.outcome.noOutcome");

const pairKey = (image: string, target: string) => `${image}\n${target}`;

function describe(r: PlanRow): Omit<OutcomeRow, "outcome"> {
  return { key: pairKey(r.imageId, r.input), image: r.imageName, target: r.input, kind: r.target?.kind, name: r.label };
}

export function planRows(view: SharePlanView): OutcomeRow[] {
  const mode = view.policy?.mode;
  return view.rows.map((r) => ({
    ...describe(r),
    outcome: r.decision,
    reason: r.reason,
    ...(r.policy && mode && { policy: { ...r.policy, mode } }),
    ...(r.risks?.length && { risks: r.risks }),
  }));
}

/** Every pair of the plan with its fate: the outcome of those sent, skipped or blocked for the others. */
export function shareResultRows(view: ShareResultView): OutcomeRow[] {
  const sent = new Map(view.results.map((o) => [pairKey(o.image, o.target), o]));
  const used = new Set<PairOutcome>();
  const rows = view.rows.map((r): OutcomeRow => {
    const o = r.target
      ? (sent.get(pairKey(r.imageId, r.target.memberId)) ?? sent.get(pairKey(r.imageId, r.target.value)))
      : undefined;
    if (o) {
      used.add(o);
      return { ...describe(r), ...outcomeOf(o, SHARED_REASON) };
    }
    if (r.decision === "add") return { ...describe(r), outcome: "unknown", reason: NO_OUTCOME };
    return { ...describe(r), outcome: r.decision === "skip" ? "skipped" : "blocked", reason: r.reason };
  });
  const names = new Map(view.rows.map((r) => [r.imageId, r.imageName]));
  const rest = view.results
    .filter((o) => !used.has(o))
    .map((o) => ({
      key: pairKey(o.image, o.target),
      image: names.get(o.image) ?? o.image,
      target: o.target,
      ...outcomeOf(o, SHARED_REASON),
    }));
  return [...rows, ...rest];
}

/** One row per chosen member, named where the page knew the name. */
export function unshareResultRows(view: UnshareResultView, names: ReadonlyMap<string, string>): OutcomeRow[] {
  return view.results.map((o) => ({
    key: o.target,
    target: o.target,
    name: names.get(o.target),
    ...outcomeOf(o, REMOVED_REASON),
  }));
}

function outcomeOf(o: PairOutcome, succeeded: Text): Pick<OutcomeRow, "outcome" | "reason" | "code"> {
  return { outcome: o.outcome, reason: o.outcome === "succeeded" ? succeeded : o.reason, code: o.code };
}

/** How many rows have each outcome. */
export function tally(rows: readonly { outcome: Outcome }[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = {
    add: 0,
    skip: 0,
    blocked: 0,
    succeeded: 0,
    failed: 0,
    skipped: 0,
    unknown: 0,
  };
  for (const r of rows) counts[r.outcome]++;
  return counts;
}

/** Whether a plan was made from this text: forms send new lines as CRLF, and the actions trim it. */
export const sameText = (a: string, b: string) => a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();
