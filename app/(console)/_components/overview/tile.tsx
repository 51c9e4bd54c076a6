"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TileAnswer, TileData, TileName } from "@/lib/overview/types";
import { cn } from "@/lib/utils";
import { ActivityView } from "./activity";
import { TileTitle, type ViewProps } from "./parts";
import { ApprovalsView, BatchesView, IncomingView, LeasesView } from "./views-work";
import { CtsView, DriftView, NearLimitView, OutsideView } from "./views-watch";

const VIEWS: { [K in TileName]: (p: ViewProps<K>) => ReactNode } = {
  incoming: IncomingView,
  approvals: ApprovalsView,
  batches: BatchesView,
  leases: LeasesView,
  outside: OutsideView,
  drift: DriftView,
  nearLimit: NearLimitView,
  cts: CtsView,
  activity: ActivityView,
};

async function fetchTile<K extends TileName>(name: K): Promise<TileAnswer<TileData[K]>> {
  const res = await fetch(`/api/overview/${name}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`overview ${name}: ${res.status}`);
  return (await res.json()) as TileAnswer<TileData[K]>;
}

/**
 * One tile as the server first read it, asked again every `pollMs` (the inbox badge's interval). A read
 * that failed shows its error with a way to try again; a refresh that failed keeps the last answer.
 */
export function OverviewTile<K extends TileName>({
  name,
  initial,
  projectId,
  pollMs,
  canChange,
  className,
}: {
  name: K;
  initial: TileAnswer<TileData[K]>;
  projectId: string;
  pollMs: number;
  canChange: boolean;
  className?: string;
}) {
  const t = useTranslations("overview");
  const { data, isError, refetch, isFetching } = useQuery({
    queryKey: ["overview", projectId, name],
    queryFn: () => fetchTile(name),
    initialData: initial,
    initialDataUpdatedAt: initial.at,
    refetchInterval: pollMs,
    retry: false,
  });
  const View = VIEWS[name] as (p: ViewProps<K>) => ReactNode;
  return (
    <section
      aria-labelledby={`tile-${name}-title`}
      data-testid={`tile-${name}`}
      data-state={data.ok ? "ready" : "error"}
      className={cn("flex min-w-0 flex-col gap-3 rounded-lg border border-border bg-card p-4 shadow-sm", className)}
    >
      {data.ok ? (
        <View data={data.data} canChange={canChange} />
      ) : (
        <>
          <TileTitle name={name} />
          <Alert tone="error" className="flex flex-col items-start gap-2">
            <span>{t("tileFailed", { message: data.error.message })}</span>
            {data.error.upstreamCode && <span className="font-mono text-xs">{data.error.upstreamCode}</span>}
            <Button size="sm" variant="secondary" disabled={isFetching} onClick={() => void refetch()}>
              {t("tryAgain")}
            </Button>
          </Alert>
        </>
      )}
      {isError && data.ok && (
        <p role="status" className="text-xs text-muted-foreground">
          {t("refreshFailed")}
        </p>
      )}
    </section>
  );
}
