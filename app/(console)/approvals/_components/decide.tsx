"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { approveRequestAction, declineRequestAction, withdrawRequestAction } from "../actions";

/** Approve (and launch, or move a share's end) or decline another admin's request, with an optional note. */
export function DecideRequest({ id, renewal = false }: { id: string; renewal?: boolean }) {
  const t = useTranslations("approvals");
  const [approved, approve, approving] = useActionState(approveRequestAction, null);
  const [declined, decline, declining] = useActionState(declineRequestAction, null);
  const refused = [approved, declined].find((s) => s && !s.ok);
  const busy = approving || declining;
  return (
    <form action={approve} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-col gap-1">
        <Label htmlFor={`note-${id}`}>{t("note")}</Label>
        <Input id={`note-${id}`} name="note" maxLength={1000} autoComplete="off" />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {approving ? t("approving") : renewal ? t("approveRenewal") : t("approve")}
        </Button>
        <Button type="submit" formAction={decline} variant="secondary" disabled={busy}>
          {declining ? t("declining") : t("decline")}
        </Button>
      </div>
      <div aria-live="polite">{refused && !refused.ok && <Alert tone="error">{refused.error.message}</Alert>}</div>
    </form>
  );
}

/** Withdraw one's own request while it waits. */
export function WithdrawRequest({ id }: { id: string }) {
  const t = useTranslations("approvals");
  const [state, withdraw, pending] = useActionState(withdrawRequestAction, null);
  return (
    <form action={withdraw} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" size="sm" className="w-fit" disabled={pending}>
        {pending ? t("withdrawing") : t("withdraw")}
      </Button>
      <div aria-live="polite">{state && !state.ok && <Alert tone="error">{state.error.message}</Alert>}</div>
    </form>
  );
}
