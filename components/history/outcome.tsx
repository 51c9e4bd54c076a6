import { Badge } from "@/components/ui/badge";
import { pairCounts, type HistoryEvent } from "@/lib/audit/read";

const TONE = { succeeded: "success", failed: "danger", partial: "warning" } as const;

/** The outcome badge, then the cloud's code and message for a failure or the pair counts of a partial one. */
export function Outcome({ event }: { event: HistoryEvent }) {
  const c = pairCounts(event.pairs);
  const counts = [
    c.succeeded && `${c.succeeded} succeeded`,
    c.failed && `${c.failed} failed`,
    c.skipped && `${c.skipped} skipped`,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <Badge tone={TONE[event.outcome as keyof typeof TONE] ?? "neutral"} className="w-fit">
        {event.outcome}
      </Badge>
      {event.outcome === "partial" && counts && <span className="text-xs text-muted-foreground">{counts}</span>}
      {event.errorCode && (
        <span className="line-clamp-2 text-xs text-muted-foreground" title={event.errorMessage ?? undefined}>
          <span className="font-mono">{event.errorCode}</span>
          {event.errorMessage ? `: ${event.errorMessage}` : ""}
        </span>
      )}
    </div>
  );
}

export function SourceBadge({ source }: { source: string }) {
  return <Badge tone={source === "cts" ? "info" : "neutral"}>{source === "cts" ? "CTS" : "Console"}</Badge>;
}
