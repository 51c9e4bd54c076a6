"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { useNames } from "@/components/target-id";
import { Checkbox } from "@/components/ui/checkbox";
import { useText } from "@/components/use-text";
import { CELL_SEND, CELL_SKIP, SKIP_REASON, type BatchPlanView, type PlanTargetView } from "@/lib/batches/plan";
import { VERDICTS, type Verdict } from "@/lib/policy/evaluate";
import { cn } from "@/lib/utils";

/** A send the sharing policy holds back, ringed by what it needs. */
const VERDICT_RING: Record<Verdict, string | undefined> = {
  allowed: undefined,
  reason: "ring-2 ring-inset ring-warning",
  approval: "ring-2 ring-inset ring-primary",
  denied: "ring-2 ring-inset ring-destructive",
};

const CELL = 24;
const ROW_HEAD = 248;
const COL_HEAD = 128;

/** A target as a column header has room for: the own project's name, or the id shortened. */
export function shortTarget(t: PlanTargetView): string {
  if (t.label) return t.label;
  if (t.kind === "organization") return t.memberId;
  return `${t.value.slice(0, 8)}…${t.value.slice(-4)}`;
}

/** "项目 610be…a1 (name)": the kind in the page's language, then the target as typed. */
function describeTarget(t: PlanTargetView, kindLabel: string): string {
  return `${kindLabel} ${t.value}${t.label ? ` (${t.label})` : ""}`;
}

type CellState = "send" | "excluded" | "skip" | "blocked";

const CELL_LOOK: Record<CellState, string> = {
  send: "bg-success/20 text-success hover:bg-success/35",
  excluded: "border border-dashed border-warning bg-warning/10 text-warning hover:bg-warning/20",
  skip: "bg-muted text-muted-foreground",
  blocked: "bg-destructive/15 text-destructive",
};

/**
 * Images × targets, one small cell per pair, rows and columns virtualized so that 200 × 100 (or
 * 500 × 1,000) stays smooth. A send cell toggles its pair out of the plan; the header checkboxes
 * take out a whole image or target.
 */
export function PlanMatrix({
  plan,
  excluded,
  onToggle,
}: {
  plan: BatchPlanView;
  excluded: Set<number>;
  onToggle: (cells: number[]) => void;
}) {
  const tr = useTranslations("batches.targets");
  const kinds = useTranslations("sharing.targetKind");
  const say = useText();
  const tp = useTranslations("policy");
  const scroll = useRef<HTMLDivElement>(null);
  const names = useNames();
  const width = plan.targets.length;
  // The compiler leaves this component unmemoized, which the virtualizers need: they re-render on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: plan.images.length,
    getScrollElement: () => scroll.current,
    estimateSize: () => CELL,
    paddingStart: COL_HEAD,
    overscan: 8,
  });
  const cols = useVirtualizer({
    horizontal: true,
    count: width,
    getScrollElement: () => scroll.current,
    estimateSize: () => CELL,
    paddingStart: ROW_HEAD,
    overscan: 8,
  });
  const sendMark = plan.operation === "share" ? "+" : "−";

  const stateOf = (idx: number): CellState => {
    const c = plan.cells[idx];
    if (c === CELL_SEND) return excluded.has(idx) ? "excluded" : "send";
    return c === CELL_SKIP ? "skip" : "blocked";
  };
  const rowCells = (i: number) => Array.from({ length: width }, (_, t) => i * width + t);
  const colCells = (t: number) => plan.images.map((_, i) => i * width + t);
  /** A header's checkbox: ticked while some pair of it is still sent; disabled when it has none to send. */
  const headerState = (cells: number[]) => {
    let sends = 0;
    let out = 0;
    for (const idx of cells) {
      if (plan.cells[idx] !== CELL_SEND) continue;
      sends++;
      if (excluded.has(idx)) out++;
    }
    return { disabled: sends === 0, checked: sends > out };
  };

  return (
    <section aria-labelledby="matrix-title" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="matrix-title" className="text-sm font-semibold">
          {tr("matrix")}
        </h2>
        <ul aria-label={tr("legend")} className="flex flex-wrap gap-3 text-xs text-muted-foreground">
          {(
            [
              ["send", sendMark, tr("legendSend", { operation: plan.operation })],
              ["excluded", "○", tr("excludedByYou")],
              ["skip", "·", tr("legendSkip", { operation: plan.operation })],
              ["blocked", "×", tr("blocked")],
            ] as const
          ).map(([state, mark, label]) => (
            <li key={state} className="flex items-center gap-1.5">
              <span
                aria-hidden
                className={cn("grid size-4 place-items-center rounded-sm text-[11px] font-bold", CELL_LOOK[state])}
              >
                {mark}
              </span>
              {label}
            </li>
          ))}
        </ul>
      </div>
      <p className="text-xs text-muted-foreground">{tr("matrixHint")}</p>
      <div
        ref={scroll}
        role="grid"
        aria-label={tr("grid", { images: plan.images.length, targets: width })}
        aria-rowcount={plan.images.length + 1}
        aria-colcount={width + 1}
        className="relative max-h-[30rem] overflow-auto rounded-lg border border-border bg-card"
      >
        <div className="relative" style={{ width: cols.getTotalSize(), height: rows.getTotalSize() }}>
          <div
            role="row"
            aria-rowindex={1}
            className="sticky top-0 z-20 border-b border-border bg-muted"
            style={{ height: COL_HEAD, width: cols.getTotalSize() }}
          >
            <div
              role="columnheader"
              aria-colindex={1}
              className="sticky left-0 z-30 flex h-full items-end border-r border-border bg-muted px-3 pb-2 text-xs text-muted-foreground"
              style={{ width: ROW_HEAD }}
            >
              {tr("corner")}
            </div>
            {cols.getVirtualItems().map((c) => {
              const given = plan.targets[c.index];
              const t = names[given.memberId] ? { ...given, label: names[given.memberId] } : given;
              const state = headerState(colCells(c.index));
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  aria-colindex={c.index + 2}
                  title={describeTarget(t, kinds(t.kind))}
                  className="absolute top-0 flex flex-col items-center justify-end gap-1 pb-1"
                  style={{ left: c.start, width: CELL, height: COL_HEAD }}
                >
                  <span
                    translate="no"
                    className="rotate-180 overflow-hidden font-mono text-[10px] leading-none text-ellipsis whitespace-nowrap [writing-mode:vertical-rl]"
                    style={{ maxHeight: COL_HEAD - 28 }}
                  >
                    {t.kind !== "project" && (
                      <span className="font-sans text-muted-foreground">
                        {t.kind === "account" ? tr("acct") : tr("org")}
                      </span>
                    )}
                    {shortTarget(t)}
                  </span>
                  <Checkbox
                    className="size-3.5"
                    aria-label={tr("includeTarget", { target: t.value })}
                    disabled={state.disabled}
                    checked={state.checked}
                    onChange={() => onToggle(colCells(c.index))}
                  />
                </div>
              );
            })}
          </div>
          {rows.getVirtualItems().map((r) => {
            const image = plan.images[r.index];
            const state = headerState(rowCells(r.index));
            return (
              <div
                key={r.key}
                role="row"
                aria-rowindex={r.index + 2}
                className="absolute left-0"
                style={{ top: r.start, height: CELL, width: cols.getTotalSize() }}
              >
                <div
                  role="rowheader"
                  aria-colindex={1}
                  title={image.blocker ? `${image.name}: ${say(image.blocker)}` : `${image.name} (${image.id})`}
                  className="sticky left-0 z-10 flex items-center gap-2 border-r border-border bg-card px-3 text-xs"
                  style={{ width: ROW_HEAD, height: CELL }}
                >
                  <Checkbox
                    className="size-3.5"
                    aria-label={tr("includeImage", { name: image.name })}
                    disabled={state.disabled}
                    checked={state.checked}
                    onChange={() => onToggle(rowCells(r.index))}
                  />
                  <span
                    translate="no"
                    className={cn(
                      "min-w-0 flex-1 truncate",
                      image.blocker && "text-muted-foreground line-through decoration-destructive/60",
                    )}
                  >
                    {image.name}
                  </span>
                  {image.service === "cph" && (
                    <span className="rounded bg-muted px-1 text-[10px] text-muted-foreground">{tr("phone")}</span>
                  )}
                </div>
                {cols.getVirtualItems().map((c) => {
                  const idx = r.index * width + c.index;
                  const cell = stateOf(idx);
                  const code = plan.cells[idx];
                  const why =
                    cell === "blocked"
                      ? say(plan.reasons[code - 2])
                      : cell === "skip"
                        ? say(SKIP_REASON[plan.operation])
                        : cell === "excluded"
                          ? tr("cellExcluded")
                          : tr("cellSend", { operation: plan.operation });
                  // The sharing policy's verdict on a send, and the rule that decided it.
                  const verdict = plan.policy && cell !== "blocked" ? VERDICTS[plan.policy.verdicts[idx]] : undefined;
                  const rule =
                    verdict && plan.policy!.rules[idx] >= 0 ? plan.policy!.because[plan.policy!.rules[idx]] : undefined;
                  const policyWords =
                    verdict && verdict !== "allowed"
                      ? ` ${plan.policy!.mode === "audit" ? tp("wouldBe", { verdict: tp(`verdicts.${verdict}`) }) : tp(`verdicts.${verdict}`)}: ${rule ? say(rule) : ""}`
                      : "";
                  const label = `${image.name} → ${plan.targets[c.index].value}: ${why}${policyWords}`;
                  const look = cn(
                    "grid size-full place-items-center rounded-sm text-[11px] leading-none font-bold",
                    CELL_LOOK[cell],
                    cell === "send" && verdict && VERDICT_RING[verdict],
                  );
                  return (
                    <div
                      key={c.key}
                      role="gridcell"
                      aria-colindex={c.index + 2}
                      className="absolute top-0 p-px"
                      style={{ left: c.start, width: CELL, height: CELL }}
                    >
                      {cell === "send" || cell === "excluded" ? (
                        <button
                          type="button"
                          title={label}
                          aria-label={label}
                          aria-pressed={cell === "excluded"}
                          onClick={() => onToggle([idx])}
                          className={look}
                        >
                          {cell === "send" ? sendMark : "○"}
                        </button>
                      ) : (
                        <span title={label} aria-label={label} role="img" className={look}>
                          {cell === "skip" ? "·" : "×"}
                        </span>
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
