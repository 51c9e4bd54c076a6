"use client";

import { Download, RotateCcw, Ban } from "lucide-react";
import { useState, useTransition } from "react";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { BatchSummary } from "@/lib/batches/types";
import { cancelBatchAction, retryFailedAction } from "../actions";
import { batchToastKey } from "./batch-status";

type Result = Awaited<ReturnType<typeof retryFailedAction>>;
const errorText = (r: Extract<Result, { ok: false }>) =>
  r.error.message + (r.error.upstreamCode ? ` (${r.error.upstreamCode})` : "");

/** Retry the failed pairs, cancel the unsent ones (after a confirmation), and the exports. */
export function BatchButtons({
  summary,
  canChange,
  onChanged,
}: {
  summary: BatchSummary;
  canChange: boolean;
  onChanged: () => void;
}) {
  const [pending, start] = useTransition();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const { failed, waiting } = summary.counts;
  const batchId = summary.id;
  const key = batchToastKey(batchId);

  const retry = () =>
    start(async () => {
      const res = await retryFailedAction(null, { batchId });
      if (!res.ok)
        return toast({ key, tone: "error", title: "The failed pairs could not be retried", body: errorText(res) });
      toast({
        key,
        tone: "success",
        title: `${res.data.count} failed pair${res.data.count === 1 ? "" : "s"} queued again`,
      });
      onChanged();
    });

  const cancel = () =>
    start(async () => {
      setError(null);
      const res = await cancelBatchAction(null, { batchId });
      if (!res.ok) return setError(errorText(res));
      toast({
        key,
        tone: "success",
        title: `${res.data.count} unsent pair${res.data.count === 1 ? "" : "s"} cancelled`,
      });
      setOpen(false);
      onChanged();
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {canChange && (
        <>
          <Button variant="secondary" size="sm" onClick={retry} disabled={pending || failed === 0}>
            <RotateCcw aria-hidden />
            Retry failed ({failed.toLocaleString("en")})
          </Button>
          <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(null))}>
            <DialogTrigger asChild>
              <Button variant="secondary" size="sm" disabled={pending || waiting === 0}>
                <Ban aria-hidden />
                Cancel unsent ({waiting.toLocaleString("en")})
              </Button>
            </DialogTrigger>
            <DialogContent
              title={`Cancel ${waiting.toLocaleString("en")} unsent pair${waiting === 1 ? "" : "s"}?`}
              description="Pairs not sent to Huawei Cloud yet will not be sent. Pairs already sent finish as they are; nothing already shared is removed."
            >
              <div className="flex flex-col gap-4 text-sm">
                <p>You can retry cancelled pairs later by launching a new batch.</p>
                <div aria-live="polite">{error && <Alert tone="error">{error}</Alert>}</div>
                <div className="flex justify-end gap-2">
                  <DialogClose asChild>
                    <Button variant="secondary">Keep them</Button>
                  </DialogClose>
                  <Button variant="destructive" onClick={cancel} disabled={pending}>
                    {pending ? "Cancelling…" : "Cancel unsent pairs"}
                  </Button>
                </div>
              </div>
            </DialogContent>
          </Dialog>
        </>
      )}
      <Button asChild variant="ghost" size="sm">
        <a href={`/api/batches/${batchId}/export?format=csv`} download>
          <Download aria-hidden />
          Export CSV
        </a>
      </Button>
      <Button asChild variant="ghost" size="sm">
        <a href={`/api/batches/${batchId}/export?format=json`} download>
          <Download aria-hidden />
          Export JSON
        </a>
      </Button>
    </div>
  );
}
