"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { incomingKeys, type PendingCount } from "@/lib/inbox/keys";
import { cn } from "@/lib/utils";

async function fetchPendingCount(): Promise<number> {
  const res = await fetch("/api/incoming/count", { cache: "no-store" });
  if (!res.ok) throw new Error(`pending count: ${res.status}`);
  return ((await res.json()) as PendingCount).pending;
}

/** Pending incoming shares of the project, asked again every `intervalMs` while the console is open. */
export function usePendingCount(projectId: string, intervalMs: number): number {
  const { data } = useQuery({
    queryKey: incomingKeys.count(projectId),
    queryFn: fetchPendingCount,
    refetchInterval: intervalMs,
    retry: false,
  });
  return data ?? 0;
}

async function fetchWaitingApprovals(): Promise<number> {
  const res = await fetch("/api/approvals/count", { cache: "no-store" });
  if (!res.ok) throw new Error(`approvals count: ${res.status}`);
  return ((await res.json()) as { waiting: number }).waiting;
}

/**
 * Requests for approval that wait for this admin, asked again every `intervalMs`; `initial` is the
 * count the page was drawn with, shown until the first answer.
 */
export function useWaitingApprovals(projectId: string, intervalMs: number, initial: number): number {
  const { data } = useQuery({
    queryKey: ["approvals", "waiting", projectId],
    queryFn: fetchWaitingApprovals,
    refetchInterval: intervalMs,
    initialData: initial,
    retry: false,
  });
  return data;
}

/** Call the returned function right after an accept or reject so the navigation shows the new count. */
export function useRefreshPendingCount(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: incomingKeys.all }), [client]);
}

/** The count beside "Incoming": a pill in the wide sidebar, a dot with the number on the icon when collapsed. */
export function PendingBadge({ count, collapsed }: { count: number; collapsed?: boolean }) {
  if (count <= 0) return null;
  const text = count > 99 ? "99+" : String(count);
  return (
    <span
      aria-hidden
      className={cn(
        "grid h-4 min-w-4 place-items-center rounded-full bg-primary px-1 text-[10px] leading-none font-semibold text-primary-foreground tabular-nums",
        collapsed
          ? "absolute -top-2 -right-2.5 h-3.5 min-w-3.5 px-0.5 text-[9px] ring-2 ring-card xl:hidden"
          : "ml-auto hidden h-5 min-w-5 px-1.5 text-[11px] xl:grid",
      )}
    >
      {text}
    </span>
  );
}
