"use client";

import { useId, useState, useTransition } from "react";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDuration } from "@/lib/batches/pace";
import type { BatchSummary } from "@/lib/batches/types";
import { readMembersNowAction } from "../actions";
import { batchToastKey } from "./batch-status";

const pairs = (n: number) => `${n.toLocaleString("en")} pair${n === 1 ? "" : "s"}`;

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
      if (!res.ok)
        return toast({ key, tone: "error", title: "The members could not be read now", body: res.error.message });
      toast({ key, tone: "info", title: `Reading the members for ${pairs(res.data.count)} of the stuck jobs` });
    });

  return (
    <section aria-label="Batch stalled" aria-describedby={titleId}>
      <Alert tone="warning" className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <p id={titleId} className="font-medium">
            No progress for {formatDuration(stalledForMs)}
          </p>
          <p className="mt-0.5 text-muted-foreground">
            {running > 0
              ? `${pairs(running)} ${running === 1 ? "is" : "are"} in jobs Huawei Cloud still reports as running. Wait for them (the console stops waiting for a job after ${formatDuration(jobTimeoutMs)}), or read the members now: pairs found applied succeed, the others are sent again.`
              : `${pairs(summary.counts.waiting)} wait to be sent; the console sends them as soon as Huawei Cloud takes calls again.`}
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setQuietUntil({ version: summary.version, until: now + stallMs })}
          >
            Keep waiting
          </Button>
          {canChange && running > 0 && (
            <Button size="sm" onClick={readNow} disabled={pending}>
              {pending ? "Reading…" : "Read members now"}
            </Button>
          )}
        </div>
      </Alert>
    </section>
  );
}
