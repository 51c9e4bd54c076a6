"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, type ReactElement } from "react";
import { dataTag } from "@/components/data-text";
import { When } from "@/components/date-time";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/actions/action";
import { EndsAtField, endsAtOf, type EndsAtChoice } from "./ends-at-field";
import type { LeaseAction } from "./types";

export interface LeaseMember {
  id: string;
  name?: string;
  /** The member's end date now, if it has one. */
  endsAt?: number;
}

type Result = { imageName: string; members: number; endsAt?: number };

/**
 * The end date of one or more members: set or move it, end it now (the scheduler removes them within
 * seconds and records it as the lease's end), or take it away so that they stay.
 */
export function LeaseDialog({
  image,
  members,
  action,
  trigger,
  onDone,
}: {
  image: { id: string; name: string };
  members: LeaseMember[];
  action: LeaseAction;
  trigger: ReactElement;
  onDone?: () => void;
}) {
  const t = useTranslations("leases.dialog");
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const [shown, setShown] = useState(members);
  const title =
    shown.length === 1
      ? t.rich("titleOne", { member: shown[0].name ?? shown[0].id, image: image.name, name: dataTag })
      : t.rich("titleSome", { count: shown.length, image: image.name, name: dataTag });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) {
          setShown(members);
          setRound((r) => r + 1);
        }
        setOpen(o);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={t("description")}>
        <LeaseForm
          key={round}
          image={image}
          members={shown}
          action={action}
          onDone={() => {
            setOpen(false);
            onDone?.();
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

function LeaseForm({
  image,
  members,
  action,
  onDone,
}: {
  image: { id: string; name: string };
  members: LeaseMember[];
  action: LeaseAction;
  onDone: () => void;
}) {
  const t = useTranslations("leases.dialog");
  const toast = useToast();
  const current = members.find((m) => m.endsAt)?.endsAt;
  const [ends, setEnds] = useState<EndsAtChoice>(() => ({ choice: "days", days: 7, at: Date.now() + 7 * 86_400_000 }));
  const [state, run, running] = useActionState(async (prev: ActionState<Result>, form: FormData) => {
    const next = await action(prev, form);
    if (next.ok) {
      const op = form.get("op");
      toast({
        tone: "success",
        title:
          op === "clear"
            ? t("cleared", { count: next.data.members })
            : op === "now"
              ? t("endingNow", { count: next.data.members })
              : t("saved", { count: next.data.members }),
      });
      onDone();
    }
    return next;
  }, null);
  const error = state && !state.ok ? state.error : undefined;
  const fieldMessages = Object.values(error?.fieldErrors ?? {}).flat();
  return (
    <form action={run} className="flex flex-col gap-4">
      <input type="hidden" name="imageId" value={image.id} />
      {members.map((m) => (
        <input key={m.id} type="hidden" name="memberIds" value={m.id} />
      ))}
      {current !== undefined && (
        <p className="text-sm text-muted-foreground">{t.rich("current", { when: () => <When value={current} /> })}</p>
      )}
      <EndsAtField id="lease-ends" value={ends} onChange={setEnds} disabled={running} />
      {error && <Alert tone="error">{fieldMessages.length ? fieldMessages.join(" ") : error.message}</Alert>}
      <div className="flex flex-wrap justify-end gap-2">
        {members.some((m) => m.endsAt) && (
          <Button type="submit" name="op" value="clear" variant="ghost" disabled={running}>
            {t("clear")}
          </Button>
        )}
        <Button type="submit" name="op" value="now" variant="destructive" disabled={running}>
          {t("now")}
        </Button>
        <Button type="submit" name="op" value="set" disabled={running || endsAtOf(ends) === undefined}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
