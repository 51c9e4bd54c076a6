"use client";

import { useTranslations } from "next-intl";
import { dataTag } from "@/components/data-text";
import { TargetId } from "@/components/target-id";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { TD, TH } from "@/components/ui/table";
import type { PhoneDecision } from "@/lib/audit/decisions";
import { formatBytes } from "@/lib/format";
import { cn } from "@/lib/utils";
import { acceptPhoneImagesAction, rejectPhoneImagesAction } from "../actions";
import { DecisionTable } from "./decision-table";
import { useDecide } from "./use-decide";

export interface PhoneInboxRow {
  id: string;
  name: string;
  ownerProjectId?: string;
  version?: string;
  sizeBytes?: number;
  createTime?: string;
  /** The last decision made through this console; null when none, undefined when the audit trail could not be read. */
  decision: PhoneDecision | null | undefined;
}

const ACTIONS = { accept: acceptPhoneImagesAction, reject: rejectPhoneImagesAction };
const WORDS = { noun: "phoneImages", usable: "usablePhones" } as const;

/** The shared phone images, with Accept and Reject per row and for a selection, for users who may change them. */
export function PhoneInboxTable({ rows, canChange }: { rows: PhoneInboxRow[]; canChange: boolean }) {
  const t = useTranslations("incoming.phone");
  const list = useTranslations("incoming.list");
  const { selection, running, decide } = useDecide({ actions: ACTIONS, words: WORDS });

  if (rows.length === 0) {
    return <EmptyState title={t("empty")} hint={t("emptyHint")} />;
  }

  return (
    <DecisionTable
      rows={rows}
      selection={selection}
      canChange={canChange}
      running={running}
      busy={t("busy")}
      onDecide={decide}
      caption={t("title")}
      selectAllLabel={t("selectAll")}
      head={
        <>
          <TH>{list("colImage")}</TH>
          <TH>{t("colAndroid")}</TH>
          <TH>{t("colCreated")}</TH>
          <TH className="min-w-44">{t("colDecision")}</TH>
        </>
      }
      cells={(r) => (
        <>
          <TD label={list("cellImage")}>
            <div translate="no" className="font-medium">
              {r.name}
            </div>
            <TargetId id={r.id} className="text-muted-foreground" />
            <div className="text-[11px] whitespace-nowrap text-muted-foreground">
              {r.ownerProjectId
                ? t.rich("from", { owner: () => <TargetId id={r.ownerProjectId ?? ""} compact /> })
                : t("fromUnknown")}
            </div>
          </TD>
          <TD label={t("colAndroid")} className="whitespace-nowrap">
            <div translate="no">{r.version || "—"}</div>
            <div className="text-xs text-muted-foreground tabular-nums">{formatBytes(r.sizeBytes)}</div>
          </TD>
          <TD label={t("colCreated")}>
            <DateTime value={r.createTime} />
          </TD>
          <TD label={t("cellDecision")}>
            <Decision decision={r.decision} />
          </TD>
        </>
      )}
    />
  );
}

function Decision({ decision }: { decision: PhoneInboxRow["decision"] }) {
  const t = useTranslations("incoming.phone");
  if (decision === undefined) return <span className="text-xs text-muted-foreground">{t("decisionUnknown")}</span>;
  if (decision === null) return <span className="text-xs text-muted-foreground">{t("decisionNone")}</span>;
  const accepted = decision.action === "accept";
  return (
    <div className="flex flex-col text-xs leading-tight">
      <span>
        {t.rich("decisionBy", {
          action: decision.action,
          user: decision.userName,
          name: dataTag,
          what: (chunks) => (
            <span className={cn("font-medium", accepted ? "text-success" : "text-destructive")}>{chunks}</span>
          ),
        })}
      </span>
      <DateTime value={decision.at} />
    </div>
  );
}
