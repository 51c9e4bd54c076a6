import { Badge } from "@/components/ui/badge";
import type { BatchStatus, BatchSummary, PairStatus } from "@/lib/batches/types";
import { cn } from "@/lib/utils";

type Tone = "neutral" | "success" | "warning" | "danger" | "info";

/** One toast per batch: its latest outcome (finished, retried, cancelled) replaces the earlier one. */
export const batchToastKey = (batchId: string) => `batch:${batchId}`;

export const isOver = (s: Pick<BatchSummary, "status">) => s.status === "finished" || s.status === "cancelled";

const BATCH: Record<BatchStatus, [string, Tone]> = {
  running: ["Running", "info"],
  waiting_for_sign_in: ["Waiting for sign-in", "warning"],
  finished: ["Finished", "success"],
  cancelled: ["Cancelled", "neutral"],
};

export function BatchStatusBadge({ summary }: { summary: Pick<BatchSummary, "status" | "counts"> }) {
  const [label, tone] = BATCH[summary.status];
  const failed = summary.status === "finished" && summary.counts.failed > 0;
  return <Badge tone={failed ? "danger" : tone}>{failed ? "Finished with failures" : label}</Badge>;
}

export const PAIR_LABEL: Record<PairStatus, [string, Tone]> = {
  waiting: ["Waiting", "neutral"],
  sending: ["Sending", "info"],
  running: ["Running", "info"],
  succeeded: ["Succeeded", "success"],
  failed: ["Failed", "danger"],
  cancelled: ["Cancelled", "neutral"],
  skipped: ["Skipped", "neutral"],
  blocked: ["Blocked", "warning"],
  excluded: ["Excluded", "neutral"],
};

export function PairStatusBadge({ status }: { status: PairStatus }) {
  const [label, tone] = PAIR_LABEL[status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** "Finished: 29 succeeded, 1 failed" (and cancelled ones when there are any). */
export function outcomeSentence(s: Pick<BatchSummary, "counts" | "status">): string {
  const parts = [`${s.counts.succeeded} succeeded`, `${s.counts.failed} failed`];
  if (s.counts.cancelled) parts.push(`${s.counts.cancelled} cancelled`);
  return `${s.status === "cancelled" ? "Cancelled" : "Finished"}: ${parts.join(", ")}`;
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
export function progressLine(s: Pick<BatchSummary, "counts" | "progress">): string {
  const { done, launched } = s.counts;
  const line = `${donePercent(s.counts)}% · ${done.toLocaleString("en")} of ${launched.toLocaleString("en")} launched pair${launched === 1 ? "" : "s"} done`;
  const jobs = jobsPercent(s);
  return jobs > 0 ? `${line} · jobs ${jobs}% through` : line;
}

/** How far the jobs of the running pairs are, on average (0 when none runs). */
function jobsPercent(s: Pick<BatchSummary, "counts" | "progress">): number {
  const { done, launched, running } = s.counts;
  if (running === 0) return 0;
  return Math.min(99, Math.floor(((s.progress * launched - done) / running) * 100));
}

/** "about 4 min left", from an estimate made of the progress so far (lib/batches/pace). */
export function etaText(etaMs: number | undefined): string | null {
  if (etaMs === undefined) return null;
  if (etaMs < 60_000) return "less than a minute left";
  const min = Math.ceil(etaMs / 60_000);
  return min < 90 ? `about ${min} min left` : `about ${Math.round(min / 60)} h left`;
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
      aria-label={`${summary.operation === "share" ? "Share" : "Unshare"} progress`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={`${value}%: ${counts.done} of ${counts.launched} pairs done${jobs > 0 ? `, jobs ${jobs}% through` : ""}`}
      className={cn("flex h-2.5 w-full overflow-hidden rounded-full bg-muted", className)}
    >
      <div className="h-full bg-success transition-[width]" style={{ width: pct(counts.succeeded) }} />
      <div className="h-full bg-destructive transition-[width]" style={{ width: pct(counts.failed) }} />
      <div className="h-full bg-muted-foreground/40 transition-[width]" style={{ width: pct(counts.cancelled) }} />
      <div className="h-full bg-primary/60 transition-[width]" style={{ width: `${partial * 100}%` }} />
    </div>
  );
}
