"use client";

import { useTranslations } from "next-intl";
import { RiskFlags } from "@/components/sharing/policy-verdict";
import { Alert } from "@/components/ui/alert";
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
}: {
  policy: BatchPolicyView;
  needs: Verdict;
  reason: string;
  onReason: (reason: string) => void;
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
      {enforced && needs === "approval" && <Alert tone="warning">{tb("needsApproval")}</Alert>}
      {enforced && needs === "reason" && (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="batch-reason">{t("reasonLabel")}</Label>
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
            {t("reasonHint")}
          </p>
        </div>
      )}
    </section>
  );
}
