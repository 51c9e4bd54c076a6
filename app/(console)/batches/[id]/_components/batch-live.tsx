"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback } from "react";
import { dataTag } from "@/components/data-text";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { formatDuration, formatWhen } from "@/lib/i18n/format";
import { batchPace } from "@/lib/batches/pace";
import type { BatchSummary } from "@/lib/batches/types";
import { sayStored } from "@/lib/i18n/text";
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

const STREAM_NOTE = {
  connecting: "connecting",
  reconnecting: "reconnecting",
  failed: "streamFailed",
} as const satisfies Partial<Record<StreamState, string>>;

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
  const t = useTranslations("batches.live");
  const format = useFormatter();
  const pairLabel = useTranslations("batches.pair");
  const root = useTranslations();
  const onFinished = useCallback(
    (s: BatchSummary) =>
      toast({ key: batchToastKey(s.id), tone: s.counts.failed ? "error" : "success", title: outcomeSentence(s, t) }),
    [toast, t],
  );
  const { summary, pairs, revision, state, reopen } = useBatchStream(initial, onFinished);
  const { counts } = summary;
  const statusMessage = sayStored(root, summary.statusText, summary.statusMessage);
  const over = isOver(summary);
  const now = useNow(!over);
  const pace = now === null ? undefined : batchPace(summary, now, limits.stallMs);
  const eta = over ? null : etaText(pace?.etaMs, t);
  const timing =
    pace &&
    [t("timing", { duration: formatDuration(format, pace.elapsedMs), over: over ? "yes" : "no" }), eta]
      .filter(Boolean)
      .join(" · ");
  const streamNote = state in STREAM_NOTE ? t(STREAM_NOTE[state as keyof typeof STREAM_NOTE]) : undefined;
  const main: [string, number, string][] = [
    [pairLabel("succeeded"), counts.succeeded, "bg-success"],
    [pairLabel("failed"), counts.failed, "bg-destructive"],
    [pairLabel("running"), counts.sending + counts.running, "bg-primary/60"],
    [pairLabel("waiting"), counts.waiting, "bg-muted-foreground/30"],
  ];
  const minor: [string, number][] = [
    [t("cancelled"), counts.cancelled],
    [t("skipped"), counts.skipped],
    [t("blocked"), counts.blocked],
    [t("excluded"), counts.excluded],
  ];

  return (
    <div className="flex flex-col gap-5">
      <div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold tracking-tight">
            {t("heading", { operation: summary.operation, images: summary.imageCount, targets: summary.targetCount })}
          </h1>
          <BatchStatusBadge summary={summary} />
        </div>
        <p className="mt-1 text-sm text-muted-foreground">
          {t.rich("launched", {
            name: dataTag,
            user: summary.userName,
            date: formatWhen(format, summary.createdAt),
            project: summary.projectName,
            pairs: summary.pairCount,
            calls: summary.calls,
          })}
          {summary.finishedAt ? ` · ${t("ended", { date: formatWhen(format, summary.finishedAt) })}` : ""}
        </p>
      </div>

      {summary.status === "waiting_for_sign_in" && <Alert tone="warning">{statusMessage ?? t("waitingSignIn")}</Alert>}
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
          {t("sentence", { sentence: outcomeSentence(summary, t) })}
          {statusMessage ? ` ${statusMessage}` : ""}
        </Alert>
      )}

      <section aria-label={t("progressLabel")} className="rounded-lg border border-border bg-card p-4">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
          <span className="font-medium">{progressLine(summary, t)}</span>
          <span className="text-muted-foreground">
            <span aria-live="polite">{streamNote}</span>
            {streamNote && timing ? " · " : ""}
            {timing}
          </span>
        </div>
        <BatchProgressBar summary={summary} />
        <dl className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
          {main.map(([label, n, swatch]) => (
            <div key={label} className="flex items-center gap-2">
              <span aria-hidden className={`size-2.5 rounded-full ${swatch}`} />
              <dt>{label}</dt>
              <dd className="font-semibold tabular-nums">{format.number(n)}</dd>
            </div>
          ))}
        </dl>
        <dl className="mt-2 flex flex-wrap gap-x-3 text-xs text-muted-foreground">
          {minor.map(([label, n]) => (
            <div key={label} className="flex gap-1">
              <dt>{label}</dt>
              <dd className="tabular-nums">{format.number(n)}</dd>
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
