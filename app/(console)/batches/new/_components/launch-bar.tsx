"use client";

import { Rocket } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import type { BatchOperation } from "@/lib/batches/types";
import type { AppError } from "@/lib/errors";

/** The launch button, behind a confirmation for unshare, which takes images away from recipients. */
export function LaunchBar({
  operation,
  launched,
  images,
  targets,
  readOnly,
  launching,
  held = false,
  onLaunch,
  error,
}: {
  operation: BatchOperation;
  launched: number;
  images: number;
  targets: number;
  readOnly: boolean;
  launching: boolean;
  /** The sharing policy holds the launch back until the user gives a reason or takes sends out. */
  held?: boolean;
  onLaunch: () => void;
  error?: AppError;
}) {
  const t = useTranslations("batches.new");
  const common = useTranslations("common");
  const [confirming, setConfirming] = useState(false);
  const label = launching ? t("launching") : t("launch", { count: launched });
  const launch = () => (operation === "unshare" ? setConfirming(true) : onLaunch());

  return (
    <div className="sticky bottom-0 z-30 -mx-1 flex flex-col gap-2 border-t border-border bg-background/95 px-1 py-3 backdrop-blur">
      {error && (
        <Alert tone="error">
          {error.fieldErrors ? Object.values(error.fieldErrors).flat().join(" ") : error.message}
          {error.upstreamCode ? ` (${error.upstreamCode})` : ""}
        </Alert>
      )}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <span className="text-sm text-muted-foreground">
          {readOnly ? t("readOnly") : launched === 0 ? t("nothing") : t("runsOnServer")}
        </span>
        {!readOnly && (
          <Button
            onClick={launch}
            disabled={launched === 0 || launching || held}
            variant={operation === "unshare" ? "destructive" : "default"}
          >
            <Rocket aria-hidden />
            {label}
          </Button>
        )}
      </div>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent title={t("removeTitle", { count: launched })}>
          <div className="flex flex-col gap-4 text-sm">
            <p>{t("removeBody", { targets, images, pairs: launched })}</p>
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">{common("cancel")}</Button>
              </DialogClose>
              <Button variant="destructive" disabled={launching} onClick={() => (setConfirming(false), onLaunch())}>
                {t("remove", { count: launched })}
              </Button>
            </div>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}
