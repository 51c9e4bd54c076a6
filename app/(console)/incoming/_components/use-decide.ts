"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useRefreshPendingCount } from "@/components/shell/pending-count";
import { useToast } from "@/components/toaster";
import { useSelection } from "@/components/use-selection";
import type { ActionResult } from "@/lib/actions/action";
import type { AnswerOutcome } from "@/lib/sharing/answer";
import { decisionToast, type Decision, type DecisionWords } from "./decision-toast";

/** An accept or reject action of an inbox, called with the chosen images (and, for IMS, a vault). */
export type DecideAction = (
  prev: null,
  input: { imageIds: string[]; vaultId?: string },
) => Promise<ActionResult<AnswerOutcome[]>>;

/**
 * An inbox's selection and its decisions: each is sent, said in a toast, and its images are unselected once
 * done; `last` keeps the latest answer for what the inbox shows beside the table.
 */
export function useDecide({
  actions,
  words,
  onDecided,
}: {
  actions: Record<Decision, DecideAction>;
  words: DecisionWords;
  /** Called after an answer that the action took (even with some images failed). */
  onDecided?: () => void;
}) {
  const selection = useSelection();
  const [running, start] = useTransition();
  const [last, setLast] = useState<{ decision: Decision; result: ActionResult<AnswerOutcome[]> } | null>(null);
  const toast = useToast();
  const t = useTranslations("incoming.toast");
  const router = useRouter();
  const refreshPendingCount = useRefreshPendingCount();

  const decide = (decision: Decision, targets: { id: string; name: string }[], vaultId?: string) =>
    start(async () => {
      const result = await actions[decision](null, { imageIds: targets.map((t) => t.id), vaultId });
      setLast({ decision, result });
      // One toast per decision about these images: an answer given again replaces the earlier one.
      const key = `inbox:${targets
        .map((t) => t.id)
        .sort()
        .join(",")}`;
      toast({ ...decisionToast(decision, targets, result, words, t), key });
      if (!result.ok) return;
      for (const r of result.data) if (r.outcome === "succeeded") selection.toggle(r.image, false);
      onDecided?.();
      router.refresh();
      void refreshPendingCount();
    });

  return { selection, running, last, decide };
}
