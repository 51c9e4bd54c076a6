"use client";

import { Rocket } from "lucide-react";
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
  onLaunch,
  error,
}: {
  operation: BatchOperation;
  launched: number;
  images: number;
  targets: number;
  readOnly: boolean;
  launching: boolean;
  onLaunch: () => void;
  error?: AppError;
}) {
  const [confirming, setConfirming] = useState(false);
  const label = launching
    ? "Launching…"
    : `Launch ${launched.toLocaleString("en-US")} pair${launched === 1 ? "" : "s"}`;
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
          {readOnly
            ? "Your user is read-only: you can plan a batch but not launch one."
            : launched === 0
              ? "Nothing to send: every pair is skipped, blocked or excluded."
              : `The batch runs on the server; you can leave the page once it opens.`}
        </span>
        {!readOnly && (
          <Button
            onClick={launch}
            disabled={launched === 0 || launching}
            variant={operation === "unshare" ? "destructive" : "default"}
          >
            <Rocket aria-hidden />
            {label}
          </Button>
        )}
      </div>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent title={`Remove ${launched.toLocaleString("en-US")} memberships?`}>
          <div className="flex flex-col gap-4 text-sm">
            <p>
              The batch removes up to {targets.toLocaleString("en-US")} target{targets === 1 ? "" : "s"} from the
              members of {images.toLocaleString("en-US")} image
              {images === 1 ? "" : "s"}, {launched.toLocaleString("en-US")} pair{launched === 1 ? "" : "s"} in all.
              Recipients who accepted an image can no longer create servers, disks or phones from it. Pairs already sent
              cannot be taken back by cancelling.
            </p>
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button variant="destructive" disabled={launching} onClick={() => (setConfirming(false), onLaunch())}>
                Remove {launched.toLocaleString("en-US")} pair{launched === 1 ? "" : "s"}
              </Button>
            </div>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}
