"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { DateTime } from "@/components/date-time";
import { QuotaMeter } from "@/components/quota-meter";
import { PlanBatchLink, SelectableTable, SelectionSummary } from "@/components/selection";
import { TD, TH } from "@/components/ui/table";
import { useKeptSelection } from "@/components/use-kept-selection";
import { formatBytes } from "@/lib/format";
import { withBack } from "@/lib/lists/return-to";
import { PHONE_MEMBER_LIMIT } from "@/lib/sharing/rules";
import { PhoneStatus } from "./phone-status";

/** What the browser gets for a phone image row. */
export interface PhoneRowView {
  id: string;
  name: string;
  version?: string;
  sizeBytes?: number;
  status: number;
  createdAt?: string;
  /** Its member count; absent when the member list could not be read. */
  members?: number;
}

/**
 * The phone images table. Images chosen on any page (the selection outlives paging, the search and a
 * visit to an image) are planned together as a batch; CPH shares one image at a time otherwise.
 */
export function PhoneList({
  rows,
  back,
  canChange,
  selectionKey,
}: {
  rows: PhoneRowView[];
  /** This list's URL, for the images' back links. */
  back: string;
  canChange: boolean;
  selectionKey: string;
}) {
  const t = useTranslations("phones.list");
  const selection = useKeptSelection(selectionKey, (id) => rows.find((r) => r.id === id)?.name);
  const ids = selection.items.map((i) => i.id);
  return (
    <div className="flex flex-col gap-3">
      {canChange && (
        <div className="flex min-h-9 flex-wrap items-center gap-3 text-sm">
          <PlanBatchLink ids={ids} label={t("planBatch")} />
          <SelectionSummary selection={selection} hint={t("hint")} />
        </div>
      )}
      <SelectableTable
        rows={rows}
        selection={selection}
        canChange={canChange}
        caption={t("caption")}
        selectAllLabel={t("selectAll")}
        rowLabel={(r) => r.name}
        head={
          <>
            <TH>{t("name")}</TH>
            <TH>{t("android")}</TH>
            <TH className="text-right">{t("size")}</TH>
            <TH>{t("status")}</TH>
            <TH>{t("created")}</TH>
            <TH>{t("members")}</TH>
          </>
        }
        cells={(r) => (
          <>
            <TD label={t("name")}>
              <Link
                href={withBack(`/phones/${r.id}`, back)}
                translate="no"
                className="font-medium text-primary hover:underline"
              >
                {r.name}
              </Link>
              <div translate="no" className="font-mono text-[11px] text-muted-foreground">
                {r.id}
              </div>
            </TD>
            <TD label={t("android")} translate="no" className="whitespace-nowrap">
              {r.version || "—"}
            </TD>
            <TD label={t("size")} className="text-right whitespace-nowrap tabular-nums">
              {formatBytes(r.sizeBytes)}
            </TD>
            <TD label={t("status")} className="whitespace-nowrap">
              <PhoneStatus status={r.status} />
            </TD>
            <TD label={t("created")}>
              <DateTime value={r.createdAt} />
            </TD>
            <TD label={t("members")}>
              {r.members === undefined ? (
                <span className="text-xs text-muted-foreground" title={t("unknownHint")}>
                  {t("unknown")}
                </span>
              ) : (
                <QuotaMeter used={r.members} limit={PHONE_MEMBER_LIMIT} />
              )}
            </TD>
          </>
        )}
      />
    </div>
  );
}
