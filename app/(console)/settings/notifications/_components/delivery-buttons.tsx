"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useToast } from "@/components/toaster";
import { Button } from "@/components/ui/button";
import { sendAgainAction, sendTestAction } from "../actions";

/** Puts a given-up delivery back in the outbox, with the same idempotency key. */
export function SendAgain({ id }: { id: string }) {
  const t = useTranslations("notify.page");
  const toast = useToast();
  const [, run, running] = useActionState(async (_: unknown, form: FormData) => {
    const r = await sendAgainAction(null, form);
    toast(r.ok ? { tone: "success", title: t("requeued") } : { tone: "error", title: r.error.message });
    return r;
  }, null);
  return (
    <form action={run} className="mt-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" size="sm" disabled={running}>
        {t("sendAgain")}
      </Button>
    </form>
  );
}

/** A test event to the account's SMN topic. */
export function SendSmnTest() {
  const t = useTranslations("notify.page");
  const toast = useToast();
  const [, run, running] = useActionState(async (_: unknown, form: FormData) => {
    const r = await sendTestAction(null, form);
    toast(
      r.ok ? { tone: "success", title: t("testQueued", { name: "SMN" }) } : { tone: "error", title: r.error.message },
    );
    return r;
  }, null);
  return (
    <form action={run}>
      <input type="hidden" name="id" value="" />
      <Button type="submit" variant="secondary" size="sm" disabled={running}>
        {t("sendTestSmn")}
      </Button>
    </form>
  );
}
