"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { addToast, lifetimeOf, type NewToast, type Toast } from "./toasts";

export type { NewToast, Toast } from "./toasts";

const ToastContext = createContext<(toast: NewToast) => void>(() => {});

/**
 * Says what happened after an action, in a polite live region. A toast leaves on its own (errors a
 * little later) unless it needs an action; a toast with the same key replaces the earlier one.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const tr = useTranslations();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((all) => all.filter((t) => t.id !== id));
  }, []);
  const push = useCallback(
    (toast: NewToast) => {
      const id = Date.now() + Math.random();
      setToasts((all) => addToast(all, { ...toast, id }));
      const lifetime = lifetimeOf(toast);
      if (lifetime !== undefined)
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), lifetime),
        );
    },
    [dismiss],
  );
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  return (
    <ToastContext.Provider value={push}>
      {children}
      <section
        aria-label={tr("shell.notifications")}
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
                aria-label={tr("common.dismiss")}
                onClick={() => dismiss(t.id)}
                className="text-muted-foreground hover:text-foreground"
              >
                <X aria-hidden className="size-4" />
              </button>
            </div>
            {t.body && <div className="mt-1 text-muted-foreground">{t.body}</div>}
            {t.action && (
              <Button
                size="sm"
                variant="secondary"
                className="mt-2"
                onClick={() => {
                  dismiss(t.id);
                  t.action?.onClick();
                }}
              >
                {t.action.label}
              </Button>
            )}
          </div>
        ))}
      </section>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
