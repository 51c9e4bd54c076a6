"use client";

import { useState } from "react";

/** Which rows of a table are checked, and the ways to change that. */
export interface Selection {
  selected: ReadonlySet<string>;
  has: (id: string) => boolean;
  toggle: (id: string, on?: boolean) => void;
  /** Checks or unchecks these rows, leaving the others as they are (rows of other pages stay chosen). */
  toggleMany: (ids: string[], on: boolean) => void;
  setAll: (ids: string[]) => void;
  clear: () => void;
}

/** The next set with `ids` added or taken out. */
export function toggled(s: ReadonlySet<string>, ids: string[], on: boolean): ReadonlySet<string> {
  const next = new Set(s);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** Row selection for one table: which ids are checked, toggling one, all, or none. */
export function useSelection(): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  return {
    selected,
    has: (id) => selected.has(id),
    toggle: (id, on = !selected.has(id)) => setSelected((s) => toggled(s, [id], on)),
    toggleMany: (ids, on) => setSelected((s) => toggled(s, ids, on)),
    setAll: (ids) => setSelected(new Set(ids)),
    clear: () => setSelected(new Set()),
  };
}
