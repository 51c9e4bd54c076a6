"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { TargetId } from "@/components/target-id";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TD, TH } from "@/components/ui/table";
import { When } from "@/components/date-time";
import { formatBytes } from "@/lib/format";
import { formatAge } from "@/lib/i18n/format";
import type { Tab } from "@/lib/inbox/list";
import { acceptImagesAction, rejectImagesAction } from "../actions";
import { DecisionTable } from "./decision-table";
import type { Decision } from "./decision-toast";
import type { InboxRowView, VaultOption } from "./types";
import { useDecide } from "./use-decide";
import { VaultDialog } from "./vault-dialog";
import { LeaseCell } from "./lease-cell";

const ACTIONS = { accept: acceptImagesAction, reject: rejectImagesAction };
const WORDS = { noun: "images" } as const;

/** The open tab's images with accept and reject, one by one or for a selection; full-ECS images take a vault. */
export function InboxList({
  tab,
  rows,
  vaults,
  canChange,
}: {
  tab: Tab;
  rows: InboxRowView[];
  vaults: VaultOption[];
  canChange: boolean;
}) {
  const t = useTranslations("incoming.list");
  const format = useFormatter();
  const [vaultFor, setVaultFor] = useState<InboxRowView[] | null>(null);
  const { selection, running, last, decide } = useDecide({
    actions: ACTIONS,
    words: WORDS,
    onDecided: () => setVaultFor(null),
  });
  const onDecide = (decision: Decision, targets: InboxRowView[]) =>
    decision === "accept" && targets.some((r) => r.needsVault || r.mayNeedVault)
      ? setVaultFor(targets)
      : decide(decision, targets);
  const failed = last?.result.ok ? last.result.data.filter((r) => r.outcome === "failed") : [];

  if (rows.length === 0) return <EmptyState className="p-10" title={t("empty", { tab })} />;

  return (
    <>
      <DecisionTable
        rows={rows}
        selection={selection}
        canChange={canChange}
        can={{ accept: tab !== "accepted", reject: tab !== "rejected" }}
        running={running}
        busy={t("busy")}
        onDecide={onDecide}
        caption={t("caption", { tab })}
        selectAllLabel={t("selectAll")}
        head={
          <>
            <TH>{t("colImage")}</TH>
            <TH>{t("colOs")}</TH>
            <TH className="text-right">{t("colSize")}</TH>
            <TH>{t("colShared")}</TH>
          </>
        }
        cells={(r) => <InboxCells row={r} tab={tab} canChange={canChange} />}
      >
        {last && !last.result.ok && <Alert tone="error">{last.result.error.message}</Alert>}
        {failed.length > 0 && (
          <Alert tone="error">
            {t("notDone", {
              failures: format.list(failed.map((r) => `${r.name} (${r.code})`)),
              decision: last?.decision ?? "accept",
            })}
          </Alert>
        )}
      </DecisionTable>
      <VaultDialog
        images={vaultFor}
        vaults={vaults}
        running={running}
        error={last && !last.result.ok ? last.result.error.message : undefined}
        onCancel={() => setVaultFor(null)}
        onConfirm={(vaultId) => vaultFor && decide("accept", vaultFor, vaultId)}
      />
    </>
  );
}

function InboxCells({ row: r, tab, canChange }: { row: InboxRowView; tab: Tab; canChange: boolean }) {
  const t = useTranslations("incoming.list");
  const kinds = useTranslations("sharing.kind");
  const format = useFormatter();
  const words = useTranslations("common.time");
  const pending = tab === "pending";
  return (
    <>
      <TD label={t("cellImage")}>
        <div className="font-medium">
          <span translate="no">{r.name}</span> {r.isNew && <Badge tone="info">{t("new")}</Badge>}
        </div>
        <TargetId id={r.id} className="text-muted-foreground" />
        <div className="text-xs whitespace-nowrap text-muted-foreground">
          {t.rich("from", {
            memberType: r.memberType,
            owner: () => <TargetId id={r.owner} compact />,
          })}
        </div>
        {tab === "accepted" && (r.needsVault || r.mayNeedVault) ? <VaultUsed row={r} /> : <VaultBadges row={r} />}
      </TD>
      <TD label={t("colOs")} title={r.osVersion}>
        <div translate="no" className="whitespace-nowrap">
          {r.os}
        </div>
        <div className="text-xs whitespace-nowrap text-muted-foreground">{kinds(r.kind)}</div>
      </TD>
      <TD label={t("colSize")} className="text-right whitespace-nowrap tabular-nums">
        {formatBytes(r.sizeBytes)}
      </TD>
      <TD label={t("colShared")} className="whitespace-nowrap">
        {r.sharedAt ? (
          <>
            <div>
              <When value={r.sharedAt} day />
            </div>
            {pending && (
              <div className="text-xs text-warning">
                {t("pendingFor", { age: formatAge(format, words, r.sharedAt) })}
              </div>
            )}
          </>
        ) : (
          "—"
        )}
        {r.lease && <LeaseCell lease={r.lease} image={r.name} canChange={canChange} />}
      </TD>
    </>
  );
}

function VaultBadges({ row: r }: { row: InboxRowView }) {
  const t = useTranslations("incoming.list");
  return (
    <>
      {r.needsVault && (
        <Badge tone="info" className="mt-1">
          {t("needsVault")}
        </Badge>
      )}
      {r.mayNeedVault && (
        <Badge tone="neutral" className="mt-1">
          {t("mayNeedVault")}
        </Badge>
      )}
    </>
  );
}

/** Accepted tab: the vault the image went to, as this console recorded it. */
function VaultUsed({ row: r }: { row: InboxRowView }) {
  const t = useTranslations("incoming.list");
  const kind = r.needsVault ? t("kindCbr") : t("kindMaybe");
  if (!r.vault)
    return (
      <Badge tone="neutral" className="mt-1">
        {r.needsVault ? t("vaultNotRecorded") : kind}
      </Badge>
    );
  return (
    <div className="mt-1 text-xs" data-testid="vault-used">
      {t.rich("acceptedInto", {
        kind: () => <Badge tone="info">{kind}</Badge>,
        name: () => <span className="font-medium">{r.vault?.name ?? t("vaultGone")}</span>,
        id: () => <span className="font-mono text-[11px] text-muted-foreground">{r.vault?.id}</span>,
      })}
    </div>
  );
}
