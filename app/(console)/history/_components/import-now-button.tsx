"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { importCtsTracesAction } from "../cts-actions";

/** The "Import now" form; its result is announced in a live region, and `onImported` told of a success. */
export function ImportNowButton({ onImported }: { onImported?: () => void }) {
  const t = useTranslations("history.cts");
  const [state, formAction, pending] = useActionState(importCtsTracesAction, null);
  useEffect(() => {
    if (state?.ok) onImported?.();
  }, [state, onImported]);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? t("importing") : t("importNow")}
      </Button>
      <div aria-live="polite" className="text-sm">
        {state?.ok && (
          <Alert data-testid="cts-import-result">
            {t("imported", { imported: state.data.imported, known: state.data.known })}
          </Alert>
        )}
        {state && !state.ok && (
          <Alert tone="error" data-testid="cts-import-result">
            {state.error.message}
            {state.error.upstreamCode && <span className="ml-1 font-mono text-xs">({state.error.upstreamCode})</span>}
          </Alert>
        )}
      </div>
    </form>
  );
}
