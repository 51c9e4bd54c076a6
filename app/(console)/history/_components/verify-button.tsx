"use client";

import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { useText } from "@/components/use-text";
import { verifyChainAction } from "../actions";

/** "Verify": recomputes the account's hash chain on the server and says whether it is intact. */
export function VerifyButton() {
  const t = useTranslations("history.verify");
  const say = useText();
  const [state, action, pending] = useActionState(verifyChainAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        <ShieldCheck aria-hidden />
        {pending ? t("verifying") : t("verify")}
      </Button>
      <p aria-live="polite" className="text-sm">
        {state?.ok && state.data.ok && (
          <span className="text-success">{t("intact", { count: state.data.events })}</span>
        )}
        {state?.ok && !state.data.ok && state.data.firstBreak && (
          <span className="text-destructive">
            {t.rich("broken", {
              seq: state.data.firstBreak.seq,
              id: state.data.firstBreak.id,
              problem: say(state.data.firstBreak.problem),
              link: (chunks) => (
                <Link href={`/history?event=${state.data.firstBreak!.id}`} className="font-mono underline">
                  {chunks}
                </Link>
              ),
            })}
          </span>
        )}
        {state && !state.ok && <span className="text-destructive">{state.error.message}</span>}
      </p>
    </form>
  );
}
