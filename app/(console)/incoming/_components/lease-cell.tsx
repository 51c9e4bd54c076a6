"use client";

import { useNow, useFormatter, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { When } from "@/components/date-time";
import { EndsAtField, endsAtOf, localValue, type EndsAtChoice } from "@/components/sharing/ends-at-field";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";
import { requestRenewalAction } from "../actions";
import type { InboxRowView } from "./types";

type Lease = NonNullable<InboxRowView["lease"]>;

/** When an incoming share ends (its owner set it in this console), and a request for more time. */
export function LeaseCell({ lease, image, canChange }: { lease: Lease; image: string; canChange: boolean }) {
  const t = useTranslations("leases.inbox");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 }).getTime();
  const r = lease.renewal;
  return (
    <div className="mt-1 flex flex-col gap-0.5 text-xs" data-testid="incoming-lease">
      <span className="text-warning">
        {t.rich("ends", { when: () => <When value={lease.endsAt} />, left: format.relativeTime(lease.endsAt, now) })}
      </span>
      {r && (
        <span className="text-muted-foreground">
          {t.rich("asked", { status: r.status, when: () => <When value={r.until} day /> })}
        </span>
      )}
      {canChange && r?.status !== "pending" && <RenewalDialog lease={lease} image={image} />}
    </div>
  );
}

function RenewalDialog({ lease, image }: { lease: Lease; image: string }) {
  const t = useTranslations("leases.inbox");
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [ends, setEnds] = useState<EndsAtChoice>(() => ({
    choice: "date",
    local: localValue(lease.endsAt + 30 * 86_400_000).slice(0, 16),
  }));
  const [reason, setReason] = useState("");
  const [state, ask, asking] = useActionState(
    async (prev: Awaited<ReturnType<typeof requestRenewalAction>> | null, form: FormData) => {
      const next = await requestRenewalAction(prev, form);
      if (next.ok) {
        toast({ tone: "success", title: t("sent", { image }) });
        setOpen(false);
      }
      return next;
    },
    null,
  );
  const error = state && !state.ok ? state.error : undefined;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" className="mt-1 w-fit">
          {t("ask")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title", { image })} description={t("description")}>
        <form action={ask} className="flex flex-col gap-4">
          <input type="hidden" name="leaseId" value={lease.id} />
          <p className="text-sm text-muted-foreground">
            {t.rich("current", { when: () => <When value={lease.endsAt} /> })}
          </p>
          <EndsAtField id="renewal-ends" value={ends} onChange={setEnds} disabled={asking} />
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="renewal-reason">{t("reason")}</Label>
            <Textarea
              id="renewal-reason"
              name="reason"
              rows={2}
              required
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className="font-sans text-sm"
            />
          </div>
          {error && (
            <Alert tone="error">
              {Object.values(error.fieldErrors ?? {})
                .flat()
                .join(" ") || error.message}
            </Alert>
          )}
          <div className="flex justify-end">
            <Button type="submit" disabled={asking || !reason.trim() || endsAtOf(ends) === undefined}>
              {asking ? t("sending") : t("send")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
