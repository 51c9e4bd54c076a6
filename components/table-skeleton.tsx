import { Skeleton } from "@/components/ui/skeleton";

/** A table on its way; `label` says what is loading, in the page's language. */
export function TableSkeleton({ rows = 8, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="rounded-lg border border-border bg-card p-3">
      <Skeleton className="mb-3 h-6 w-1/3" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="mb-2 h-8 w-full" />
      ))}
    </div>
  );
}
