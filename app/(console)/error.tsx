"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ERRORS } from "@/lib/errors";

/**
 * A read failed (the cloud did not answer in time, or answered something unexpected): say so and offer
 * a retry. A timeout's digest (lib/cloud/errors) names it, so the page says it in the vocabulary's words.
 */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("shell.error");
  const tc = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The failed read ran on the server: fetch the page again, then render it in place of this message.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="mx-auto mt-10 max-w-lg rounded-lg border border-destructive/40 bg-card p-6">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-2 text-sm text-muted-foreground">
        {error.digest?.startsWith("timeout.") ? ERRORS.timeout[1] : t("generic")}
      </p>
      {error.digest && (
        <p className="mt-2 font-mono text-xs text-muted-foreground">{t("reference", { digest: error.digest })}</p>
      )}
      <Button className="mt-4" onClick={retry} disabled={pending}>
        {pending ? t("tryingAgain") : tc("tryAgain")}
      </Button>
    </div>
  );
}
