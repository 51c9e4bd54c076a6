"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { When } from "@/components/date-time";
import { TargetId } from "@/components/target-id";
import { useText } from "@/components/use-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { ManifestPlanPair } from "@/lib/manifest/types";
import type { ManifestPlanView } from "@/lib/manifest/view";

const SIGN = { add: "+", remove: "−", blocked: "!", keep: "=" } as const;
const TONE = { add: "success", remove: "danger", blocked: "warning", keep: "neutral" } as const;

/** Changes shown before "Show all": enough to read, few enough to draw at once. */
const FIRST = 200;

/**
 * The diff of a plan, before anything is sent: counts, warnings, then one row per pair to add, remove
 * or that is blocked (with why), and on demand the unchanged pairs with their members' status.
 */
export function PlanResult({ view }: { view: ManifestPlanView }) {
  const t = useTranslations("drift.page");
  const say = useText();
  const [all, setAll] = useState(false);
  const [kept, setKept] = useState(false);
  const { counts } = view;
  const rows = [...(all ? view.changes : view.changes.slice(0, FIRST)), ...(kept ? view.kept : [])];
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm font-medium" data-testid="plan-summary">
        {t("summary", { add: counts.add, remove: counts.remove, blocked: counts.blocked, keep: counts.keep })}
      </p>
      {view.warnings.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-muted-foreground">
          {view.warnings.map((w, i) => (
            <li key={i}>{say(w)}</li>
          ))}
        </ul>
      )}
      {counts.add + counts.remove + counts.blocked === 0 && (
        <p className="text-sm text-muted-foreground">{t("inSync")}</p>
      )}
      {rows.length > 0 && (
        <Table aria-label={t("diffLabel")}>
          <THead>
            <tr>
              <TH className="w-28">{t("col.change")}</TH>
              <TH>{t("col.image")}</TH>
              <TH>{t("col.target")}</TH>
              <TH>{t("col.member")}</TH>
              <TH>{t("col.detail")}</TH>
            </tr>
          </THead>
          <tbody>
            {rows.map((p) => (
              <PairRow key={`${p.action}${p.image}${p.target.value}`} pair={p} />
            ))}
          </tbody>
        </Table>
      )}
      {kept && view.kept.length < counts.keep && (
        <p className="text-xs text-muted-foreground">{t("keptCapped", { shown: view.kept.length })}</p>
      )}
      <div className="flex flex-wrap gap-2">
        {!all && view.changes.length > FIRST && (
          <Button type="button" variant="secondary" size="sm" onClick={() => setAll(true)}>
            {t("showAllChanges", { count: view.changes.length })}
          </Button>
        )}
        {counts.keep > 0 && (
          <Button type="button" variant="ghost" size="sm" onClick={() => setKept(!kept)} aria-expanded={kept}>
            {kept ? t("hideKept") : t("showKept", { count: counts.keep })}
          </Button>
        )}
      </div>
    </div>
  );
}

function PairRow({ pair }: { pair: ManifestPlanPair }) {
  const t = useTranslations("drift.page");
  const say = useText();
  const href = pair.service === "cph" ? `/phones/${pair.image}` : `/images/${pair.image}`;
  return (
    <TR data-action={pair.action}>
      <TD label={t("col.change")}>
        <Badge tone={TONE[pair.action]}>
          <span aria-hidden>{SIGN[pair.action]}</span>
          {t(`action.${pair.action}`)}
        </Badge>
      </TD>
      <TD label={t("col.image")}>
        <a className="text-primary underline-offset-4 hover:underline" href={href}>
          {pair.imageName}
        </a>
      </TD>
      <TD label={t("col.target")}>
        <TargetId id={pair.target.value} compact oneLine />
      </TD>
      <TD label={t("col.member")}>
        {pair.memberStatus ? t(`status.${pair.memberStatus}`) : pair.action === "add" ? "—" : t("status.member")}
      </TD>
      <TD label={t("col.detail")}>
        {pair.reason && <span>{say(pair.reason)}</span>}
        {pair.verdict && pair.verdict !== "allowed" && (
          <span className="block text-xs text-muted-foreground">{t(`verdict.${pair.verdict}`)}</span>
        )}
        {pair.endsAt && (
          <span className="block text-xs text-muted-foreground">
            {t("endsAt")} <When value={pair.endsAt} />
          </span>
        )}
      </TD>
    </TR>
  );
}
