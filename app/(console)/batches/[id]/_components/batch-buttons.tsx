"use client";

import { Download, RotateCcw, Ban } from "lucide-react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("batches.buttons");
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
      if (!res.ok) return toast({ key, tone: "error", title: t("retryFailed"), body: errorText(res) });
      toast({
        key,
        tone: "success",
        title: t("retried", { count: res.data.count }),
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
        title: t("cancelled", { count: res.data.count }),
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
            {t("retry", { count: failed })}
          </Button>
          <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(null))}>
            <DialogTrigger asChild>
              <Button variant="secondary" size="sm" disabled={pending || waiting === 0}>
                <Ban aria-hidden />
                {t("cancelUnsent", { count: waiting })}
              </Button>
            </DialogTrigger>
            <DialogContent title={t("cancelTitle", { count: waiting })} description={t("cancelDescription")}>
              <div className="flex flex-col gap-4 text-sm">
                <p>{t("cancelHint")}</p>
                <div aria-live="polite">{error && <Alert tone="error">{error}</Alert>}</div>
                <div className="flex justify-end gap-2">
                  <DialogClose asChild>
                    <Button variant="secondary">{t("keepThem")}</Button>
                  </DialogClose>
                  <Button variant="destructive" onClick={cancel} disabled={pending}>
                    {pending ? t("cancelling") : t("cancelPairs")}
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
          {t("exportCsv")}
        </a>
      </Button>
      <Button asChild variant="ghost" size="sm">
        <a href={`/api/batches/${batchId}/export?format=json`} download>
          <Download aria-hidden />
          {t("exportJson")}
        </a>
      </Button>
    </div>
  );
}
