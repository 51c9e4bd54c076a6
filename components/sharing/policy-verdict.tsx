import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { useText } from "@/components/use-text";
import type { PairVerdict, RiskFlag, Verdict } from "@/lib/policy/evaluate";
import type { PolicyMode } from "@/lib/policy/policy";

export const VERDICT_TONE: Record<Verdict, "success" | "warning" | "info" | "danger"> = {
  allowed: "success",
  reason: "warning",
  approval: "info",
  denied: "danger",
};

/** The sharing policy's verdict on a pair, with the rule that decided it; in audit mode, what it would be. */
export function PolicyLine({ verdict }: { verdict: PairVerdict & { mode: PolicyMode } }) {
  const t = useTranslations("policy");
  const say = useText();
  const label = t(`verdicts.${verdict.verdict}`);
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1.5">
      <Badge tone={verdict.mode === "audit" ? "neutral" : VERDICT_TONE[verdict.verdict]} className="whitespace-nowrap">
        {verdict.mode === "audit" ? t("wouldBe", { verdict: label }) : label}
      </Badge>
      <span className="text-muted-foreground">{say(verdict.because)}</span>
    </div>
  );
}

/** A pair's risks, as small flags. */
export function RiskFlags({ risks }: { risks: readonly RiskFlag[] }) {
  const t = useTranslations("policy.risks");
  return (
    <ul className="mt-1 flex flex-wrap gap-1" aria-label={t("label")}>
      {risks.map((r) => (
        <li key={r}>
          <Badge tone="warning" className="px-1.5 py-0 text-[0.7rem] font-normal whitespace-nowrap">
            {t(r)}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** A request for approval was sent: how many pairs, and where another admin decides it. */
export function AskedForApproval({ pairs }: { pairs: number }) {
  const t = useTranslations("sharing.share");
  return (
    <Alert>
      {t.rich("asked", {
        pairs,
        link: (chunks) => (
          <Link href="/approvals" className="font-medium text-primary underline">
            {chunks}
          </Link>
        ),
      })}
    </Alert>
  );
}
