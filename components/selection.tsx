"use client";

import { Layers } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { Selection } from "./use-selection";

/** The header cell that checks every selectable row of the table, or none of them; rows elsewhere stay as they are. */
function SelectAllCell({ selection, ids, label }: { selection: Selection; ids: string[]; label: string }) {
  const all = ids.length > 0 && ids.every((id) => selection.has(id));
  return (
    <TH className="w-10">
      <Checkbox
        aria-label={label}
        checked={all}
        disabled={ids.length === 0}
        onChange={(e) => selection.toggleMany(ids, e.target.checked)}
      />
    </TH>
  );
}

/** The cell that checks one row; `label` names the row ("Select <label>"). */
function SelectCell({
  selection,
  id,
  label,
  disabled,
}: {
  selection: Selection;
  id: string;
  label: string;
  disabled?: boolean;
}) {
  const t = useTranslations("sharing.selection");
  return (
    <TD>
      <Checkbox
        aria-label={t("selectRow", { label })}
        checked={selection.has(id)}
        disabled={disabled}
        onChange={(e) => selection.toggle(id, e.target.checked)}
      />
    </TD>
  );
}

/**
 * A table whose rows a user who may change them can check, one by one or all at once, with an actions
 * column at the end when `actions` is given. The page gives its own header cells and row cells.
 */
export function SelectableTable<R extends { id: string }>({
  rows,
  selection,
  canChange,
  caption,
  selectAllLabel,
  rowLabel,
  isDisabled,
  head,
  cells,
  actions,
}: {
  rows: R[];
  selection: Selection;
  canChange: boolean;
  caption: string;
  selectAllLabel: string;
  /** Names a row in its checkbox's label ("Select <label>"). */
  rowLabel: (row: R) => string;
  /** A row that cannot be chosen: its checkbox is disabled and "select all" leaves it out. */
  isDisabled?: (row: R) => boolean;
  head: ReactNode;
  cells: (row: R) => ReactNode;
  actions?: (row: R) => ReactNode;
}) {
  const choosable = isDisabled ? rows.filter((r) => !isDisabled(r)) : rows;
  const withActions = canChange && actions !== undefined;
  const t = useTranslations("sharing.selection");
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <THead>
        <tr>
          {canChange && <SelectAllCell selection={selection} ids={choosable.map((r) => r.id)} label={selectAllLabel} />}
          {head}
          {withActions && (
            <TH>
              <span className="sr-only">{t("actions")}</span>
            </TH>
          )}
        </tr>
      </THead>
      <tbody>
        {rows.map((r) => (
          <TR key={r.id}>
            {canChange && <SelectCell selection={selection} id={r.id} label={rowLabel(r)} disabled={isDisabled?.(r)} />}
            {cells(r)}
            {withActions && <TD className="space-x-1 text-right whitespace-nowrap">{actions(r)}</TD>}
          </TR>
        ))}
      </tbody>
    </Table>
  );
}

/** How many rows are chosen, on this page or others, with a way to choose none; `hint` while none is. */
export function SelectionSummary({ selection, hint }: { selection: Selection; hint: string }) {
  const count = selection.selected.size;
  const t = useTranslations("sharing.selection");
  return (
    <span aria-live="polite" className="inline-flex items-center gap-2 text-muted-foreground">
      {count === 0 ? (
        hint
      ) : (
        <>
          <span className="font-medium text-foreground tabular-nums">{t("count", { count })}</span>
          <Button variant="ghost" size="sm" onClick={selection.clear} aria-label={t("clearLabel")}>
            {t("clear")}
          </Button>
        </>
      )}
    </span>
  );
}

/** "Plan a batch" with the selected images (any page's), handed to the planner in its URL. */
export function PlanBatchLink({ ids, label }: { ids: readonly string[]; label: string }) {
  return (
    <Button asChild variant="secondary">
      <Link href={ids.length ? `/batches/new?images=${ids.map(encodeURIComponent).join(",")}` : "/batches/new"}>
        <Layers aria-hidden />
        {label}
      </Link>
    </Button>
  );
}
