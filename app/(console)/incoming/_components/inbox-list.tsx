"use client";

import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { TargetId } from "@/components/target-id";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TD, TH } from "@/components/ui/table";
import { formatAge, formatBytes, formatDate } from "@/lib/format";
import type { Tab } from "@/lib/inbox/list";
import { KIND_LABEL } from "@/lib/sharing/shareability";
import { acceptImagesAction, rejectImagesAction } from "../actions";
import { DecisionTable } from "./decision-table";
import type { Decision } from "./decision-toast";
import type { InboxRowView, VaultOption } from "./types";
import { useDecide } from "./use-decide";
import { VaultDialog } from "./vault-dialog";

const ACTIONS = { accept: acceptImagesAction, reject: rejectImagesAction };

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
  const [vaultFor, setVaultFor] = useState<InboxRowView[] | null>(null);
  const { selection, running, last, decide } = useDecide({
    actions: ACTIONS,
    words: { noun: "image" },
    onDecided: () => setVaultFor(null),
  });
  const onDecide = (decision: Decision, targets: InboxRowView[]) =>
    decision === "accept" && targets.some((r) => r.needsVault || r.mayNeedVault)
      ? setVaultFor(targets)
      : decide(decision, targets);
  const failed = last?.result.ok ? last.result.data.filter((r) => r.outcome === "failed") : [];

  if (rows.length === 0) return <EmptyState className="p-10" title={`No ${tab} images here.`} />;

  return (
    <>
      <DecisionTable
        rows={rows}
        selection={selection}
        canChange={canChange}
        can={{ accept: tab !== "accepted", reject: tab !== "rejected" }}
        running={running}
        busy="Working… waiting for the IMS job to apply each image."
        onDecide={onDecide}
        caption={`${tab} images shared with this project`}
        selectAllLabel="Select every image in this tab"
        head={
          <>
            <TH>Image and owner project</TH>
            <TH>OS and type</TH>
            <TH className="text-right">Size</TH>
            <TH>Shared</TH>
          </>
        }
        cells={(r) => <InboxCells row={r} tab={tab} />}
      >
        {last && !last.result.ok && <Alert tone="error">{last.result.error.message}</Alert>}
        {failed.length > 0 && (
          <Alert tone="error">
            Not done: {failed.map((r) => `${r.name} (${r.code})`).join(", ")}. The others were {last?.decision}ed.
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

function InboxCells({ row: r, tab }: { row: InboxRowView; tab: Tab }) {
  const pending = tab === "pending";
  return (
    <>
      <TD label="Image">
        <div className="font-medium">
          {r.name} {r.isNew && <Badge tone="info">New</Badge>}
        </div>
        <TargetId id={r.id} className="text-muted-foreground" />
        <div className="text-xs whitespace-nowrap text-muted-foreground">
          from <TargetId id={r.owner} compact /> (another account
          {r.memberType !== "project"
            ? `; shared with your ${r.memberType === "domain" ? "account" : "organization"}`
            : ""}
          )
        </div>
        {tab === "accepted" && (r.needsVault || r.mayNeedVault) ? <VaultUsed row={r} /> : <VaultBadges row={r} />}
      </TD>
      <TD label="OS and type" title={r.osVersion}>
        <div className="whitespace-nowrap">{r.os}</div>
        <div className="text-xs whitespace-nowrap text-muted-foreground">{KIND_LABEL[r.kind]}</div>
      </TD>
      <TD label="Size" className="text-right whitespace-nowrap tabular-nums">
        {formatBytes(r.sizeBytes)}
      </TD>
      <TD label="Shared" className="whitespace-nowrap">
        {r.sharedAt ? (
          <>
            <div title={formatDate(r.sharedAt)}>{r.sharedAt.slice(0, 10)}</div>
            {pending && <div className="text-xs text-warning">pending for {formatAge(r.sharedAt)}</div>}
          </>
        ) : (
          "—"
        )}
      </TD>
    </>
  );
}

function VaultBadges({ row: r }: { row: InboxRowView }) {
  return (
    <>
      {r.needsVault && (
        <Badge tone="info" className="mt-1">
          Full-ECS from CBR: needs a vault
        </Badge>
      )}
      {r.mayNeedVault && (
        <Badge tone="neutral" className="mt-1">
          Maybe full-ECS: a vault may be needed
        </Badge>
      )}
    </>
  );
}

/** Accepted tab: the vault the image went to, as this console recorded it. */
function VaultUsed({ row: r }: { row: InboxRowView }) {
  const kind = r.needsVault ? "Full-ECS from CBR" : "Maybe full-ECS";
  if (!r.vault)
    return (
      <Badge tone="neutral" className="mt-1">
        {r.needsVault ? `${kind}: vault not recorded by this console` : kind}
      </Badge>
    );
  return (
    <div className="mt-1 text-xs" data-testid="vault-used">
      <Badge tone="info">{kind}</Badge> accepted into vault{" "}
      <span className="font-medium">{r.vault.name ?? "no longer listed"}</span>{" "}
      <span className="font-mono text-[11px] text-muted-foreground">{r.vault.id}</span>
    </div>
  );
}
