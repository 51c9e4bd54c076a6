"use client";

import { Check, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SelectableTable } from "@/components/selection";
import type { Selection } from "@/components/use-selection";
import { Button } from "@/components/ui/button";
import type { Decision } from "./decision-toast";

const BOTH = { accept: true, reject: true };

/**
 * The rows of an inbox with Accept and Reject, one by one and for the selection, for users who may change
 * them. The inbox gives its own columns (`head`, `cells`) and what it shows between the buttons and the table.
 */
export function DecisionTable<R extends { id: string; name: string }>({
  rows,
  selection,
  canChange,
  can = BOTH,
  running,
  busy,
  onDecide,
  caption,
  selectAllLabel,
  head,
  cells,
  children,
}: {
  rows: R[];
  selection: Selection;
  canChange: boolean;
  /** Which decisions apply to these rows (an accepted image cannot be accepted again). */
  can?: Record<Decision, boolean>;
  running: boolean;
  /** Said while a decision is being sent. */
  busy: string;
  onDecide: (decision: Decision, rows: R[]) => void;
  caption: string;
  selectAllLabel: string;
  head: ReactNode;
  cells: (row: R) => ReactNode;
  children?: ReactNode;
}) {
  const t = useTranslations("incoming.decide");
  const chosen = rows.filter((r) => selection.has(r.id));
  return (
    <div className="flex flex-col gap-3">
      {canChange && (
        <div className="flex min-h-9 flex-wrap items-center gap-2 text-sm">
          {can.accept && (
            <Button disabled={chosen.length === 0 || running} onClick={() => onDecide("accept", chosen)}>
              <Check aria-hidden />
              {t("acceptSelected", { count: chosen.length })}
            </Button>
          )}
          {can.reject && (
            <Button
              variant="secondary"
              disabled={chosen.length === 0 || running}
              onClick={() => onDecide("reject", chosen)}
            >
              <X aria-hidden />
              {t("rejectSelected", { count: chosen.length })}
            </Button>
          )}
          <span aria-live="polite" className="text-muted-foreground">
            {running ? busy : ""}
          </span>
        </div>
      )}
      {children}
      <SelectableTable
        rows={rows}
        selection={selection}
        canChange={canChange}
        caption={caption}
        selectAllLabel={selectAllLabel}
        rowLabel={(r) => r.name}
        head={head}
        cells={cells}
        actions={(r) => (
          <>
            {can.accept && (
              <Button
                size="sm"
                variant="secondary"
                disabled={running}
                onClick={() => onDecide("accept", [r])}
                aria-label={t("acceptOne", { name: r.name })}
              >
                {t("accept")}
              </Button>
            )}
            {can.reject && (
              <Button
                size="sm"
                variant="ghost"
                disabled={running}
                onClick={() => onDecide("reject", [r])}
                aria-label={t("rejectOne", { name: r.name })}
              >
                {t("reject")}
              </Button>
            )}
          </>
        )}
      />
    </div>
  );
}
