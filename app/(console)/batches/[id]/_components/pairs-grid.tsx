"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { Search } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useDeferredValue, useMemo, useRef, useState, type RefObject } from "react";
import { TargetId, useNames } from "@/components/target-id";
import { Input } from "@/components/ui/input";
import type { BatchCounts, BatchPairView, PairStatus } from "@/lib/batches/types";
import { sayStored } from "@/lib/i18n/text";
import { cn } from "@/lib/utils";
import { PairStatusBadge } from "./batch-status";

const FILTERS: { key: string; statuses: PairStatus[] | null }[] = [
  { key: "all", statuses: null },
  { key: "failed", statuses: ["failed"] },
  { key: "running", statuses: ["sending", "running"] },
  { key: "waiting", statuses: ["waiting"] },
  { key: "succeeded", statuses: ["succeeded"] },
  { key: "cancelled", statuses: ["cancelled"] },
  { key: "not-sent", statuses: ["skipped", "blocked", "excluded"] },
];
const COLUMN_KEYS = ["colImage", "colTarget", "colKind", "colStatus", "colReason", "colAttempt", "colJob"] as const;

const COLUMNS =
  "grid-cols-[minmax(8rem,1fr)_minmax(15.5rem,1.3fr)_5.5rem_7rem_minmax(12rem,2fr)_4rem_minmax(8rem,1fr)]";
const ROW_HEIGHT = 52;

const matches = (p: BatchPairView, q: string, reason: string | undefined) =>
  [p.imageName, p.imageId, p.target, p.memberId, p.code, reason, p.jobId].some((v) => v?.toLowerCase().includes(q));

/**
 * Every pair of the batch in a virtualized grid: only the rows in view are in the page, so 20,000
 * pairs scroll as smoothly as 20. Filter by status and search by image, target, code or job id.
 */
export function PairsGrid({
  pairs,
  revision,
  counts,
  total,
}: {
  pairs: RefObject<BatchPairView[]>;
  revision: number;
  counts: BatchCounts;
  total: number;
}) {
  const names = useNames();
  const root = useTranslations();
  const reasonOf = (p: BatchPairView) => sayStored(root, p.reasonText, p.reason);
  const [filter, setFilter] = useState("all");
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim().toLowerCase());
  const scroller = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => {
    void revision;
    const statuses = FILTERS.find((f) => f.key === filter)?.statuses;
    const out: BatchPairView[] = [];
    for (const p of pairs.current) {
      if (
        !p ||
        (statuses && !statuses.includes(p.status)) ||
        (q && !matches(p, q, sayStored(root, p.reasonText, p.reason)))
      )
        continue;
      out.push(p);
    }
    return out;
  }, [pairs, revision, filter, q, root]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the React Compiler is off; the virtualizer re-renders this component itself.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const t = useTranslations("batches.grid");
  const format = useFormatter();
  const pairLabel = useTranslations("batches.pair");
  const filterLabel = (key: string) =>
    key === "all"
      ? t("all")
      : key === "not-sent"
        ? t("skippedEtc")
        : pairLabel(key as "failed" | "running" | "waiting" | "succeeded" | "cancelled");
  const countOf = (statuses: PairStatus[] | null) => (statuses ? statuses.reduce((n, s) => n + counts[s], 0) : total);

  return (
    <section aria-labelledby="pairs-heading" className="rounded-lg border border-border bg-card">
      <div className="flex flex-wrap items-center gap-3 border-b border-border p-3">
        <h2 id="pairs-heading" className="mr-2 text-sm font-semibold">
          {t("heading")}
        </h2>
        <div role="group" aria-label={t("filterLabel")} className="flex flex-wrap gap-1">
          {FILTERS.map((f) => (
            <button
              key={f.key}
              type="button"
              aria-pressed={filter === f.key}
              title={f.key === "not-sent" ? t("skippedTitle") : undefined}
              onClick={() => setFilter(f.key)}
              className={cn(
                "rounded-md border px-2.5 py-1 text-xs",
                filter === f.key
                  ? "border-primary/40 bg-accent font-medium text-primary"
                  : "border-border text-muted-foreground hover:bg-muted",
              )}
            >
              {filterLabel(f.key)} <span className="tabular-nums">{format.number(countOf(f.statuses))}</span>
            </button>
          ))}
        </div>
        <label className="relative ml-auto w-64 max-w-full">
          <span className="sr-only">{t("search")}</span>
          <Search
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("searchPlaceholder")}
            className="pl-8"
          />
        </label>
      </div>
      <div role="table" aria-label={t("table")} aria-rowcount={rows.length + 1} className="text-sm">
        <div role="rowgroup" className="[scrollbar-gutter:stable] overflow-hidden border-b border-border bg-muted/50">
          <div
            role="row"
            aria-rowindex={1}
            className={cn("grid gap-3 px-3 py-2 text-xs font-medium text-muted-foreground", COLUMNS)}
          >
            {COLUMN_KEYS.map((h) => (
              <div key={h} role="columnheader">
                {t(h)}
              </div>
            ))}
          </div>
        </div>
        <div
          ref={scroller}
          role="rowgroup"
          tabIndex={0}
          aria-label={t("scrollable")}
          className="max-h-[min(36rem,65vh)] [scrollbar-gutter:stable] overflow-auto"
        >
          {rows.length === 0 ? (
            <div role="row">
              <div role="cell" className="p-6 text-center text-muted-foreground">
                {pairs.current.length === 0 ? t("loading") : t("noMatch")}
              </div>
            </div>
          ) : (
            <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const p = rows[item.index];
                return (
                  <div
                    key={p.idx}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className={cn("absolute inset-x-0 grid items-center gap-3 border-b border-border px-3", COLUMNS)}
                    style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  >
                    <div role="cell" className="min-w-0 truncate font-medium" title={`${p.imageName} (${p.imageId})`}>
                      <span translate="no">{p.imageName}</span>
                      {p.service === "cph" && <span className="ml-1 text-xs text-muted-foreground">{t("phone")}</span>}
                    </div>
                    <div role="cell" className="min-w-0 text-xs">
                      <TargetId id={p.target} name={names[p.memberId]} oneLine />
                    </div>
                    <div role="cell" className="text-muted-foreground capitalize">
                      {t("kind", { kind: p.targetKind })}
                    </div>
                    <div role="cell">
                      <PairStatusBadge status={p.status} />
                    </div>
                    <div
                      role="cell"
                      className="line-clamp-2 min-w-0 text-xs"
                      title={[p.code, reasonOf(p)].filter(Boolean).join(": ")}
                    >
                      {p.code && (
                        <span translate="no" className="mr-1.5 font-mono text-muted-foreground">
                          {p.code}
                        </span>
                      )}
                      {/* The cloud's own words (a job's fail reason) are shown as they came, not translated. */}
                      <span translate={p.reasonText?.key === "sharing.failures.said" ? "no" : undefined}>
                        {reasonOf(p) ?? (p.code ? "" : "—")}
                      </span>
                    </div>
                    <div role="cell" className="text-muted-foreground tabular-nums">
                      {p.attempt || "—"}
                    </div>
                    <div
                      role="cell"
                      translate="no"
                      className="min-w-0 truncate font-mono text-xs text-muted-foreground"
                      title={p.jobId ?? undefined}
                    >
                      {p.jobId ?? "—"}
                    </div>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
