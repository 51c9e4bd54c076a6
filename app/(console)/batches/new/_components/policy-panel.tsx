"use client";

import { useTranslations } from "next-intl";
import { AskedForApproval, RiskFlags } from "@/components/sharing/policy-verdict";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action";
import { Label, Textarea } from "@/components/ui/input";
import type { BatchPolicyView } from "@/lib/batches/plan";
import type { RiskFlag, Verdict } from "@/lib/policy/evaluate";

/**
 * What the sharing policy says of the plan: its verdicts and the risks of its sends, then what launching
 * needs (a reason, or sends that need approval taken out); in audit mode, only what it would do.
 */
export function PolicyPanel({
  policy,
  needs,
  reason,
  onReason,
  onAsk,
  asking,
  asked,
}: {
  policy: BatchPolicyView;
  needs: Verdict;
  reason: string;
  onReason: (reason: string) => void;
  /** Asks another admin to approve the sends kept. */
  onAsk: () => void;
  asking: boolean;
  /** The request's answer: sent (how many pairs) or refused. */
  asked?: ActionResult<{ id: string; pairs: number }> | null;
}) {
  const t = useTranslations("sharing.share");
  const tb = useTranslations("batches.policy");
  const risks = Object.keys(policy.risks) as RiskFlag[];
  const enforced = policy.mode === "enforce";
  return (
    <section aria-label={tb("title")} className="flex flex-col gap-2 rounded-md border border-border p-3 text-sm">
      <p>
        {t("policySummary", { mode: policy.mode, ...policy.counts })}
        {!enforced && ` ${t("auditNote")}`}
      </p>
      {risks.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          {tb("risks")}
          <RiskFlags risks={risks} />
        </div>
      )}
      {enforced && needs === "approval" && !asked?.ok && <Alert tone="warning">{tb("needsApproval")}</Alert>}
      {asked?.ok && <AskedForApproval pairs={asked.data.pairs} />}
      {asked && !asked.ok && (
        <Alert tone="error">
          {asked.error.fieldErrors ? Object.values(asked.error.fieldErrors).flat().join(" ") : asked.error.message}
        </Alert>
      )}
      {enforced && (needs === "reason" || (needs === "approval" && !asked?.ok)) && (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="batch-reason">{needs === "approval" ? t("approvalReasonLabel") : t("reasonLabel")}</Label>
          <Textarea
            id="batch-reason"
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => onReason(e.target.value)}
            aria-describedby="batch-reason-hint"
            className="font-sans text-sm"
          />
          <p id="batch-reason-hint" className="text-xs text-muted-foreground">
            {needs === "approval" ? tb("approvalHint") : t("reasonHint")}
          </p>
          {needs === "approval" && (
            <Button className="w-fit" onClick={onAsk} disabled={asking || !reason.trim()}>
              {asking ? t("asking") : t("askApproval")}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
