import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { BatchStatus, BatchSummary, PairStatus } from "@/lib/batches/types";
import { cn } from "@/lib/utils";

/** The translator of the `batches.live` messages. */
export type LiveT = ReturnType<typeof useTranslations<"batches.live">>;

type Tone = "neutral" | "success" | "warning" | "danger" | "info";

/** One toast per batch: its latest outcome (finished, retried, cancelled) replaces the earlier one. */
export const batchToastKey = (batchId: string) => `batch:${batchId}`;

export const isOver = (s: Pick<BatchSummary, "status">) => s.status === "finished" || s.status === "cancelled";

const BATCH: Record<BatchStatus, Tone> = {
  running: "info",
  waiting_for_sign_in: "warning",
  finished: "success",
  cancelled: "neutral",
};

export function BatchStatusBadge({ summary }: { summary: Pick<BatchSummary, "status" | "counts"> }) {
  const t = useTranslations("batches.status");
  const tone = BATCH[summary.status];
  const failed = summary.status === "finished" && summary.counts.failed > 0;
  return <Badge tone={failed ? "danger" : tone}>{failed ? t("finishedWithFailures") : t(summary.status)}</Badge>;
}

const PAIR_TONE: Record<PairStatus, Tone> = {
  waiting: "neutral",
  sending: "info",
  running: "info",
  succeeded: "success",
  failed: "danger",
  cancelled: "neutral",
  skipped: "neutral",
  blocked: "warning",
  excluded: "neutral",
};

export function PairStatusBadge({ status }: { status: PairStatus }) {
  const t = useTranslations("batches.pair");
  return <Badge tone={PAIR_TONE[status]}>{t(status)}</Badge>;
}

/** "Finished: 29 succeeded, 1 failed" (and cancelled ones when there are any). */
export function outcomeSentence(s: Pick<BatchSummary, "counts" | "status">, t: LiveT): string {
  const { succeeded, failed, cancelled } = s.counts;
  return t("outcome", { status: s.status, succeeded, failed, cancelled });
}

/**
 * The share of launched pairs done, in whole percent, from the same counts the line beside it says
 * ("45% · 9 of 20"): a running job's own progress shows on the bar, never in this number. 100 only
 * when every pair is done.
 */
export function donePercent(counts: Pick<BatchSummary["counts"], "done" | "launched">): number {
  if (counts.launched === 0) return 100;
  return Math.floor((counts.done * 100) / counts.launched);
}

/**
 * "45% · 9 of 20 launched pairs done", with the running jobs' own progress said apart ("jobs 40%
 * through"): the percent and the counts come from the same numbers.
 */
export function progressLine(s: Pick<BatchSummary, "counts" | "progress">, t: LiveT): string {
  const { done, launched } = s.counts;
  const line = t("progress", { percent: donePercent(s.counts), done, launched });
  const jobs = jobsPercent(s);
  return jobs > 0 ? t("jobsThrough", { line, percent: jobs }) : line;
}

/** How far the jobs of the running pairs are, on average (0 when none runs). */
function jobsPercent(s: Pick<BatchSummary, "counts" | "progress">): number {
  const { done, launched, running } = s.counts;
  if (running === 0) return 0;
  return Math.min(99, Math.floor(((s.progress * launched - done) / running) * 100));
}

/** "about 4 min left", from an estimate made of the progress so far (lib/batches/pace). */
export function etaText(etaMs: number | undefined, t: LiveT): string | null {
  if (etaMs === undefined) return null;
  if (etaMs < 60_000) return t("etaUnderMinute");
  const min = Math.ceil(etaMs / 60_000);
  return min < 90 ? t("etaMinutes", { min }) : t("etaHours", { hours: Math.round(min / 60) });
}

/**
 * The batch's progress over its launched pairs: succeeded, failed and cancelled pairs as solid
 * segments, running jobs' progress as a lighter one.
 */
export function BatchProgressBar({
  summary,
  className,
}: {
  summary: Pick<BatchSummary, "counts" | "progress" | "operation">;
  className?: string;
}) {
  const t = useTranslations("batches.live");
  const { counts, progress } = summary;
  const launched = counts.launched || 1;
  const pct = (n: number) => `${(n / launched) * 100}%`;
  const partial = Math.max(0, progress - counts.done / launched);
  // The bar counts running jobs' progress too; its text says which part is done and which is under way.
  const value = counts.done === counts.launched ? 100 : Math.min(99, Math.floor(progress * 100));
  const jobs = jobsPercent(summary);
  return (
    <div
      role="progressbar"
      aria-label={t("barLabel", { operation: summary.operation })}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={t("barValue", { value, done: counts.done, launched: counts.launched, jobs })}
      className={cn("flex h-2.5 w-full overflow-hidden rounded-full bg-muted", className)}
    >
      <div className="h-full bg-success transition-[width]" style={{ width: pct(counts.succeeded) }} />
      <div className="h-full bg-destructive transition-[width]" style={{ width: pct(counts.failed) }} />
      <div className="h-full bg-muted-foreground/40 transition-[width]" style={{ width: pct(counts.cancelled) }} />
      <div className="h-full bg-primary/60 transition-[width]" style={{ width: `${partial * 100}%` }} />
    </div>
  );
}
