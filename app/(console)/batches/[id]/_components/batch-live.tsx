"use client";

import { useCallback } from "react";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { formatDate } from "@/lib/format";
import { batchPace, formatDuration } from "@/lib/batches/pace";
import type { BatchSummary } from "@/lib/batches/types";
import { BatchButtons } from "./batch-buttons";
import {
  BatchProgressBar,
  BatchStatusBadge,
  batchToastKey,
  etaText,
  isOver,
  outcomeSentence,
  progressLine,
} from "./batch-status";
import { PairsGrid } from "./pairs-grid";
import { StallBanner } from "./stall-banner";
import { useBatchStream, type StreamState } from "./use-batch-stream";
import { useNow } from "./use-now";

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

const STREAM_NOTE: Partial<Record<StreamState, string>> = {
  connecting: "Connecting…",
  reconnecting: "Connection lost, reconnecting…",
  failed: "Live updates stopped. Reload the page to see the latest state.",
};

/**
 * A batch as it runs: header, overall progress, elapsed time and time left, a warning when it stopped
 * moving, the buttons, and every pair, kept live over SSE.
 */
export function BatchLive({
  initial,
  canChange,
  pace: limits,
}: {
  initial: BatchSummary;
  canChange: boolean;
  /** BATCH_STALL_MS and BATCH_JOB_TIMEOUT_MS. */
  pace: { stallMs: number; jobTimeoutMs: number };
}) {
  const toast = useToast();
  const onFinished = useCallback(
    (s: BatchSummary) =>
      toast({ key: batchToastKey(s.id), tone: s.counts.failed ? "error" : "success", title: outcomeSentence(s) }),
    [toast],
  );
  const { summary, pairs, revision, state, reopen } = useBatchStream(initial, onFinished);
  const { counts } = summary;
  const over = isOver(summary);
  const now = useNow(!over);
  const pace = now === null ? undefined : batchPace(summary, now, limits.stallMs);
  const eta = over ? null : etaText(pace?.etaMs);
  const timing =
    pace && [`${formatDuration(pace.elapsedMs)} ${over ? "in all" : "elapsed"}`, eta].filter(Boolean).join(" · ");
  const verb = summary.operation === "share" ? "Share" : "Unshare";
  const main: [string, number, string][] = [
    ["Succeeded", counts.succeeded, "bg-success"],
    ["Failed", counts.failed, "bg-destructive"],
    ["Running", counts.sending + counts.running, "bg-primary/60"],
    ["Waiting", counts.waiting, "bg-muted-foreground/30"],
  ];
  const minor: [string, number][] = [
    ["cancelled", counts.cancelled],
    ["skipped", counts.skipped],
    ["blocked", counts.blocked],
    ["excluded", counts.excluded],
  ];

  return (
    <div className="flex flex-col gap-5">
      <div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold tracking-tight">
            {verb} {plural(summary.imageCount, "image")} {summary.operation === "share" ? "with" : "from"}{" "}
            {plural(summary.targetCount, "target")}
          </h1>
          <BatchStatusBadge summary={summary} />
        </div>
        <p className="mt-1 text-sm text-muted-foreground">
          Launched by {summary.userName} on {formatDate(summary.createdAt)} in {summary.projectName} ·{" "}
          {plural(summary.pairCount, "pair")} · {plural(summary.calls, "call")} to Huawei Cloud
          {summary.finishedAt ? ` · ended ${formatDate(summary.finishedAt)}` : ""}
        </p>
      </div>

      {summary.status === "waiting_for_sign_in" && (
        <Alert tone="warning">
          {summary.statusMessage ??
            "Waiting for you to sign in again: your token expired. The batch resumes when you sign in."}
        </Alert>
      )}
      {now !== null && pace?.stalledForMs !== undefined && (
        <StallBanner
          summary={summary}
          stalledForMs={pace.stalledForMs}
          now={now}
          stallMs={limits.stallMs}
          jobTimeoutMs={limits.jobTimeoutMs}
          canChange={canChange}
        />
      )}
      {over && (
        <Alert tone={counts.failed ? "error" : "info"} aria-live="polite">
          {outcomeSentence(summary)}.{summary.statusMessage ? ` ${summary.statusMessage}` : ""}
        </Alert>
      )}

      <section aria-label="Progress" className="rounded-lg border border-border bg-card p-4">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
          <span className="font-medium">{progressLine(summary)}</span>
          <span className="text-muted-foreground">
            <span aria-live="polite">{STREAM_NOTE[state]}</span>
            {STREAM_NOTE[state] && timing ? " · " : ""}
            {timing}
          </span>
        </div>
        <BatchProgressBar summary={summary} />
        <dl className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
          {main.map(([label, n, swatch]) => (
            <div key={label} className="flex items-center gap-2">
              <span aria-hidden className={`size-2.5 rounded-full ${swatch}`} />
              <dt>{label}</dt>
              <dd className="font-semibold tabular-nums">{n.toLocaleString("en")}</dd>
            </div>
          ))}
        </dl>
        <dl className="mt-2 flex flex-wrap gap-x-3 text-xs text-muted-foreground">
          {minor.map(([label, n]) => (
            <div key={label} className="flex gap-1">
              <dt>{label}</dt>
              <dd className="tabular-nums">{n.toLocaleString("en")}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 border-t border-border pt-3">
          <BatchButtons summary={summary} canChange={canChange} onChanged={reopen} />
        </div>
      </section>

      <PairsGrid pairs={pairs} revision={revision} counts={counts} total={summary.pairCount} />
    </div>
  );
}
