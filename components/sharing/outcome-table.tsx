import { useTranslations } from "next-intl";
import { TargetId } from "@/components/target-id";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { useText } from "@/components/use-text";
import { PolicyLine, RiskFlags } from "./policy-verdict";
import type { Outcome, OutcomeRow } from "./rows";

const TONE: Record<Outcome, "info" | "neutral" | "danger" | "success"> = {
  add: "info",
  skip: "neutral",
  skipped: "neutral",
  blocked: "danger",
  succeeded: "success",
  failed: "danger",
  unknown: "neutral",
};

/**
 * One row per pair (or per target, for one image): what the plan decided, or what happened when it was
 * sent, and why. Fixed column widths keep it inside its dialog: long targets (organization URNs) are cut short
 * with the whole id in a title and a copy button,
 * long image names are cut short with the full name as a title.
 */
export function OutcomeTable({ rows, caption, images }: { rows: OutcomeRow[]; caption: string; images?: boolean }) {
  const t = useTranslations("sharing.outcome");
  const kinds = useTranslations("sharing.targetKind");
  const say = useText();
  return (
    <Table className="table-fixed">
      <caption className="sr-only">{caption}</caption>
      <THead>
        <tr>
          {images && <TH className="w-[22%]">{t("image")}</TH>}
          <TH>{t("target")}</TH>
          <TH className="w-24">{t("result")}</TH>
          <TH className="w-[38%]">{t("reason")}</TH>
        </tr>
      </THead>
      <tbody>
        {rows.map((r) => (
          <TR key={r.key}>
            {images && (
              <TD label={t("image")} className="align-top">
                <div className="truncate text-xs leading-5" title={r.image}>
                  {r.image}
                </div>
              </TD>
            )}
            <TD label={t("target")} className="align-top">
              <TargetId id={r.target} name={r.name} className="w-full" />
              {r.kind && r.kind !== "project" && <div className="text-xs text-muted-foreground">({kinds(r.kind)})</div>}
            </TD>
            <TD label={t("result")} className="align-top">
              <Badge tone={TONE[r.outcome]}>{t(`badge.${r.outcome}`)}</Badge>
            </TD>
            <TD label={t("reason")} className="align-top text-xs leading-5 break-words">
              {r.reason === undefined ? <span className="text-muted-foreground">—</span> : say(r.reason)}
              {r.code && r.outcome === "failed" && (
                <span className="ml-1 font-mono text-muted-foreground">({r.code})</span>
              )}
              {r.policy && r.outcome !== "blocked" && <PolicyLine verdict={r.policy} />}
              {r.risks && r.risks.length > 0 && <RiskFlags risks={r.risks} />}
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
