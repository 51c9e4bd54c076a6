"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDuration } from "@/lib/i18n/format";
import type { BatchSummary } from "@/lib/batches/types";
import { readMembersNowAction } from "../actions";
import { batchToastKey } from "./batch-status";

/**
 * Says that a running batch stopped moving, and what can be done: wait (the tracker gives up a job
 * on its own after the job timeout), or stop waiting and read the members now.
 */
export function StallBanner({
  summary,
  stalledForMs,
  now,
  stallMs,
  jobTimeoutMs,
  canChange,
}: {
  summary: BatchSummary;
  stalledForMs: number;
  now: number;
  stallMs: number;
  jobTimeoutMs: number;
  canChange: boolean;
}) {
  const t = useTranslations("batches.stall");
  const format = useFormatter();
  const titleId = useId();
  const toast = useToast();
  const [pending, start] = useTransition();
  // "Keep waiting" puts the banner away for one more stall period of the same stall.
  const [quietUntil, setQuietUntil] = useState<{ version: number; until: number }>();
  if (quietUntil && quietUntil.version === summary.version && now < quietUntil.until) return null;
  const running = summary.counts.running + summary.counts.sending;
  const key = batchToastKey(summary.id);

  const readNow = () =>
    start(async () => {
      const res = await readMembersNowAction(null, { batchId: summary.id });
      if (!res.ok) return toast({ key, tone: "error", title: t("readFailed"), body: res.error.message });
      toast({ key, tone: "info", title: t("readStarted", { count: res.data.count }) });
    });

  return (
    <section aria-label={t("label")} aria-describedby={titleId}>
      <Alert tone="warning" className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <p id={titleId} className="font-medium">
            {t("title", { duration: formatDuration(format, stalledForMs) })}
          </p>
          <p className="mt-0.5 text-muted-foreground">
            {running > 0
              ? t("running", { count: running, timeout: formatDuration(format, jobTimeoutMs) })
              : t("waiting", { count: summary.counts.waiting })}
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setQuietUntil({ version: summary.version, until: now + stallMs })}
          >
            {t("keepWaiting")}
          </Button>
          {canChange && running > 0 && (
            <Button size="sm" onClick={readNow} disabled={pending}>
              {pending ? t("reading") : t("readNow")}
            </Button>
          )}
        </div>
      </Alert>
    </section>
  );
}
