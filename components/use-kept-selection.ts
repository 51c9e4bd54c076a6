"use client";

import { useMemo, useSyncExternalStore } from "react";
import { toggled, type Selection } from "./use-selection";

/** A chosen row as the bulk actions need it when its page is no longer shown. */
export interface KeptItem {
  id: string;
  name: string;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readRaw(key: string): string {
  try {
    return window.sessionStorage.getItem(key) ?? "[]";
  } catch {
    return "[]";
  }
}

function parse(raw: string): KeptItem[] {
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (v): v is KeptItem => typeof v?.id === "string" && typeof v?.name === "string" && v.id.length <= 128,
    );
  } catch {
    return [];
  }
}

function write(key: string, items: KeptItem[]) {
  try {
    if (items.length) window.sessionStorage.setItem(key, JSON.stringify(items));
    else window.sessionStorage.removeItem(key);
  } catch {
    // Storage refused (private mode, full): the selection then lasts as long as the page.
  }
  for (const l of listeners) l();
}

/**
 * A selection kept across the pages, filters and sorts of a list, and across a visit to an item's page:
 * stored in the tab's session storage under `storageKey` (one per list and project), with each row's
 * name so bulk actions can name rows of pages no longer shown. `nameOf` names the rows on screen.
 */
export function useKeptSelection(
  storageKey: string,
  nameOf: (id: string) => string | undefined,
): Selection & { items: KeptItem[] } {
  const raw = useSyncExternalStore(
    subscribe,
    () => readRaw(storageKey),
    () => "[]",
  );
  const items = useMemo(() => parse(raw), [raw]);
  const selected = useMemo(() => new Set(items.map((i) => i.id)), [items]);
  const set = (ids: ReadonlySet<string>) => {
    const known = new Map(parse(readRaw(storageKey)).map((i) => [i.id, i.name]));
    write(
      storageKey,
      [...ids].map((id) => ({ id, name: known.get(id) ?? nameOf(id) ?? id })),
    );
  };
  const current = () => new Set(parse(readRaw(storageKey)).map((i) => i.id));
  return {
    items,
    selected,
    has: (id) => selected.has(id),
    toggle: (id, on = !selected.has(id)) => set(toggled(current(), [id], on)),
    toggleMany: (ids, on) => set(toggled(current(), ids, on)),
    setAll: (ids) => set(new Set(ids)),
    clear: () => write(storageKey, []),
  };
}
