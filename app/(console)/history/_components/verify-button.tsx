"use client";

import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { verifyChainAction } from "../actions";

/** "Verify": recomputes the account's hash chain on the server and says whether it is intact. */
export function VerifyButton() {
  const [state, action, pending] = useActionState(verifyChainAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        <ShieldCheck aria-hidden />
        {pending ? "Verifying…" : "Verify"}
      </Button>
      <p aria-live="polite" className="text-sm">
        {state?.ok && state.data.ok && (
          <span className="text-success">Chain intact: {state.data.events.toLocaleString("en")} events</span>
        )}
        {state?.ok && !state.data.ok && state.data.firstBreak && (
          <span className="text-destructive">
            Chain broken at event #{state.data.firstBreak.seq} (
            <Link href={`/history?event=${state.data.firstBreak.id}`} className="font-mono underline">
              {state.data.firstBreak.id}
            </Link>
            ): {state.data.firstBreak.problem}
          </span>
        )}
        {state && !state.ok && <span className="text-destructive">{state.error.message}</span>}
      </p>
    </form>
  );
}
