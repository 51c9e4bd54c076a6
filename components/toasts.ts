import type { ReactNode } from "react";

export interface Toast {
  id: number;
  tone: "success" | "error" | "info";
  title: string;
  body?: ReactNode;
  /**
   * What the toast is about (`batch:<id>`, `image:<id>`, `inbox:<ids>`): a new toast with the same key
   * replaces the earlier one, so one outcome is said once, never beside a stale one.
   */
  key?: string;
  /** A toast that needs an action stays until it is acted on or dismissed. */
  action?: { label: string; onClick: () => void };
}

export type NewToast = Omit<Toast, "id">;

/** Toasts shown at once at most; the oldest leaves first. */
export const MAX_TOASTS = 4;

/** The toasts after `toast` arrives: it replaces the one with its key, and the oldest leave beyond the limit. */
export function addToast(all: Toast[], toast: Toast): Toast[] {
  const kept = toast.key === undefined ? all : all.filter((t) => t.key !== toast.key);
  return [...kept, toast].slice(-MAX_TOASTS);
}

/** How long a toast stays on its own: errors a little longer; one with an action until acted on (undefined). */
export function lifetimeOf(toast: NewToast): number | undefined {
  if (toast.action) return undefined;
  return toast.tone === "error" ? 12_000 : 6_000;
}
