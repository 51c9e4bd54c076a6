import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { useText } from "@/components/use-text";
import { pairCounts, type HistoryEvent } from "@/lib/audit/read";
import { storedErrorText } from "@/lib/sharing/pairs";

const TONE = { succeeded: "success", failed: "danger", partial: "warning" } as const;
const OUTCOMES = ["succeeded", "failed", "partial", "skipped"] as const;

/** An event's or a pair's outcome in the reader's language; one the console does not know reads as is. */
export function useOutcomeLabel() {
  const t = useTranslations("history.outcome");
  return (outcome: string) => {
    const known = OUTCOMES.find((o) => o === outcome);
    return known ? t(known) : outcome;
  };
}

/** The outcome badge, then the cloud's code and message for a failure or the pair counts of a partial one. */
export function Outcome({ event }: { event: HistoryEvent }) {
  const t = useTranslations("history.outcome");
  const common = useTranslations("common");
  const label = useOutcomeLabel();
  const say = useText();
  const c = pairCounts(event.pairs);
  // The console's own sentences in the reader's language; the cloud's own words as they came (not translated).
  const error =
    event.errorCode && event.errorMessage ? storedErrorText(event.errorCode, event.errorMessage) : undefined;
  const cloudWords = error?.key === "sharing.failures.said";
  const counts = [
    c.succeeded && t("succeededCount", { count: c.succeeded }),
    c.failed && t("failedCount", { count: c.failed }),
    c.skipped && t("skippedCount", { count: c.skipped }),
  ]
    .filter(Boolean)
    .join(common("listSeparator"));
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <Badge tone={TONE[event.outcome as keyof typeof TONE] ?? "neutral"} className="w-fit">
        {label(event.outcome)}
      </Badge>
      {event.outcome === "partial" && counts && <span className="text-xs text-muted-foreground">{counts}</span>}
      {event.errorCode && (
        <span className="line-clamp-2 text-xs text-muted-foreground" title={error ? say(error) : undefined}>
          <span translate="no" className="font-mono">
            {event.errorCode}
          </span>
          {error && (
            <>
              {": "}
              <span translate={cloudWords ? "no" : undefined}>{say(error)}</span>
            </>
          )}
        </span>
      )}
    </div>
  );
}

const SOURCE_TONE = { cts: "info", lease: "warning", api: "info", console: "neutral" } as const;

/** Where an event came from: this console's pages, the HTTP API, an end date, or CTS. */
export function SourceBadge({ source }: { source: string }) {
  const t = useTranslations("history.outcome");
  const known = source === "cts" || source === "lease" || source === "api" ? source : "console";
  return (
    <Badge tone={SOURCE_TONE[known]} className="whitespace-nowrap">
      {t(known)}
    </Badge>
  );
}
