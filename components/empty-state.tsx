import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** What a list or table shows when it has no rows: what is empty, what to do about it, and any way out. */
export function EmptyState({
  title,
  hint,
  children,
  className,
}: {
  title: string;
  hint?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("rounded-lg border border-dashed border-border bg-card p-8 text-center", className)}>
      <p className="font-medium">{title}</p>
      {hint && <p className="mt-1 text-sm text-muted-foreground">{hint}</p>}
      {children}
    </div>
  );
}
