"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { TD, TH } from "@/components/ui/table";
import type { Selection } from "./use-selection";

/** A button's label for the checked rows: "Accept 2 selected", or "Accept selected" while none is. */
export function selectedLabel(verb: string, count: number): string {
  return count > 0 ? `${verb} ${count} selected` : `${verb} selected`;
}

/** The header cell that checks every selectable row of a table, or none. */
export function SelectAllCell({ selection, ids, label }: { selection: Selection; ids: string[]; label: string }) {
  const all = ids.length > 0 && ids.every((id) => selection.has(id));
  return (
    <TH className="w-10">
      <Checkbox
        aria-label={label}
        checked={all}
        disabled={ids.length === 0}
        onChange={(e) => (e.target.checked ? selection.setAll(ids) : selection.clear())}
      />
    </TH>
  );
}

/** The cell that checks one row; `label` names the row ("Select <label>"). */
export function SelectCell({
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
  return (
    <TD>
      <Checkbox
        aria-label={`Select ${label}`}
        checked={selection.has(id)}
        disabled={disabled}
        onChange={(e) => selection.toggle(id, e.target.checked)}
      />
    </TD>
  );
}
