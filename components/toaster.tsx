"use client";

import { X } from "lucide-react";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";

export interface Toast {
  id: number;
  tone: "success" | "error" | "info";
  title: string;
  body?: ReactNode;
}

const ToastContext = createContext<(toast: Omit<Toast, "id">) => void>(() => {});

/** Says what happened after an action, in a polite live region; errors stay 20 s or until dismissed. */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (toast: Omit<Toast, "id">) => {
      const id = Date.now() + Math.random();
      setToasts((all) => [...all.slice(-3), { ...toast, id }]);
      // Errors stay longer, but not forever: a toast must never sit on a button for good.
      setTimeout(() => dismiss(id), toast.tone === "error" ? 20_000 : 8_000);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            className={cn(
              "pointer-events-auto rounded-lg border bg-card p-3 text-sm shadow-lg",
              t.tone === "error"
                ? "border-destructive/50"
                : t.tone === "success"
                  ? "border-success/40"
                  : "border-border",
            )}
          >
            <div className="flex items-start justify-between gap-2">
              <p className={cn("font-medium", t.tone === "error" && "text-destructive")}>{t.title}</p>
              <button
                type="button"
                aria-label="Dismiss"
                onClick={() => dismiss(t.id)}
                className="text-muted-foreground hover:text-foreground"
              >
                <X aria-hidden className="size-4" />
              </button>
            </div>
            {t.body && <div className="mt-1 text-muted-foreground">{t.body}</div>}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
