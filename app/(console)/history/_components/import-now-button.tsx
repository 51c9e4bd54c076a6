"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { plural } from "@/lib/format";
import { importCtsTracesAction } from "../cts-actions";

const events = (n: number) => plural(n, "new event");

/** The "Import now" form; its result is announced in a live region. */
export function ImportNowButton() {
  const [state, formAction, pending] = useActionState(importCtsTracesAction, null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? "Importing…" : "Import now"}
      </Button>
      <div aria-live="polite" className="text-sm">
        {state?.ok && (
          <Alert data-testid="cts-import-result">
            Imported {events(state.data.imported)} from CTS; {state.data.known} already in the history.
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
