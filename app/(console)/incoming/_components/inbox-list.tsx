"use client";

import { Check, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useRefreshPendingCount } from "@/components/shell/pending-count";
import { useToast } from "@/components/toaster";
import { useSelection } from "@/components/use-selection";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { Checkbox } from "@/components/ui/checkbox";
import type { ActionResult } from "@/lib/actions/action";
import { formatAge, formatBytes, formatDate } from "@/lib/format";
import type { Tab } from "@/lib/inbox/list";
import { KIND_LABEL } from "@/lib/sharing/shareability";
import { acceptImagesAction, rejectImagesAction, type DecisionResult } from "../actions";
import type { InboxRowView, VaultOption } from "./types";
import { VaultDialog } from "./vault-dialog";

type Decision = "accept" | "reject";

/** The open tab's images with accept and reject, one by one or for a selection. */
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
  const selection = useSelection();
  const [running, start] = useTransition();
  const [results, setResults] = useState<{ decision: Decision; result: ActionResult<DecisionResult[]> } | null>(null);
  const [vaultFor, setVaultFor] = useState<InboxRowView[] | null>(null);
  const toast = useToast();
  const router = useRouter();
  const refreshPendingCount = useRefreshPendingCount();
  const chosen = rows.filter((r) => selection.has(r.id));
  const can = { accept: tab !== "accepted", reject: tab !== "rejected" };

  const run = (decision: Decision, targets: InboxRowView[], vaultId?: string) =>
    start(async () => {
      const action = decision === "accept" ? acceptImagesAction : rejectImagesAction;
      const result = await action(null, { imageIds: targets.map((r) => r.id), vaultId });
      setResults({ decision, result });
      if (!result.ok) {
        toast({
          tone: "error",
          title: `Could not ${decision} ${targets.length === 1 ? targets[0].name : `${targets.length} images`}`,
          body: result.error.message,
        });
        return;
      }
      const ok = result.data.filter((r) => r.outcome === "succeeded").length;
      const failed = result.data.length - ok;
      const verb = decision === "accept" ? "Accepted" : "Rejected";
      toast({
        tone: failed ? "error" : "success",
        title: failed
          ? `${verb} ${ok} of ${result.data.length} images; ${failed} failed`
          : `${verb} ${ok === 1 ? result.data[0].name : `${ok} images`}`,
      });
      setVaultFor(null);
      selection.clear();
      router.refresh();
      void refreshPendingCount();
    });
  const decide = (decision: Decision, targets: InboxRowView[]) =>
    decision === "accept" && targets.some((r) => r.needsVault || r.mayNeedVault)
      ? setVaultFor(targets)
      : run(decision, targets);

  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-border bg-card p-10 text-center text-sm text-muted-foreground">
        No {tab} images here.
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {canChange && (
        <div className="flex min-h-9 flex-wrap items-center gap-2 text-sm">
          {can.accept && (
            <Button disabled={chosen.length === 0 || running} onClick={() => decide("accept", chosen)}>
              <Check aria-hidden />
              Accept {chosen.length || ""} selected
            </Button>
          )}
          {can.reject && (
            <Button
              variant="secondary"
              disabled={chosen.length === 0 || running}
              onClick={() => decide("reject", chosen)}
            >
              <X aria-hidden />
              Reject {chosen.length || ""} selected
            </Button>
          )}
          <span aria-live="polite" className="text-muted-foreground">
            {running ? "Working… waiting for the IMS job to apply each image." : ""}
          </span>
        </div>
      )}
      {results && !results.result.ok && <Alert tone="error">{results.result.error.message}</Alert>}
      {results?.result.ok && results.result.data.some((r) => r.outcome === "failed") && (
        <Alert tone="error">
          Not done:{" "}
          {results.result.data
            .filter((r) => r.outcome === "failed")
            .map((r) => `${r.name} (${r.code})`)
            .join(", ")}
          . The others were {results.decision}ed.
        </Alert>
      )}
      <Table>
        <caption className="sr-only">{tab} images shared with this project</caption>
        <THead>
          <tr>
            {canChange && (
              <TH className="w-10">
                <Checkbox
                  aria-label="Select every image in this tab"
                  checked={rows.every((r) => selection.has(r.id))}
                  onChange={(e) => (e.target.checked ? selection.setAll(rows.map((r) => r.id)) : selection.clear())}
                />
              </TH>
            )}
            <TH>Image and owner project</TH>
            <TH>OS and type</TH>
            <TH className="text-right">Size</TH>
            <TH>Shared</TH>
            {canChange && (
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            )}
          </tr>
        </THead>
        <tbody>
          {rows.map((r) => (
            <TR key={r.id}>
              {canChange && (
                <TD>
                  <Checkbox
                    aria-label={`Select ${r.name}`}
                    checked={selection.has(r.id)}
                    onChange={() => selection.toggle(r.id)}
                  />
                </TD>
              )}
              <TD>
                <div className="font-medium">
                  {r.name} {r.isNew && <Badge tone="info">New</Badge>}
                </div>
                <div className="font-mono text-[11px] whitespace-nowrap text-muted-foreground">{r.id}</div>
                <div className="text-xs whitespace-nowrap text-muted-foreground">
                  from <span className="font-mono text-[11px]">{r.owner}</span> (another account
                  {r.memberType !== "project"
                    ? `; shared with your ${r.memberType === "domain" ? "account" : "organization"}`
                    : ""}
                  )
                </div>
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
              </TD>
              <TD title={r.osVersion}>
                <div className="whitespace-nowrap">{r.os}</div>
                <div className="text-xs whitespace-nowrap text-muted-foreground">{KIND_LABEL[r.kind]}</div>
              </TD>
              <TD className="text-right whitespace-nowrap tabular-nums">{formatBytes(r.sizeBytes)}</TD>
              <TD className="whitespace-nowrap">
                {r.sharedAt ? (
                  <>
                    <div title={formatDate(r.sharedAt)}>{r.sharedAt.slice(0, 10)}</div>
                    {tab === "pending" && (
                      <div className="text-xs text-warning">pending for {formatAge(r.sharedAt)}</div>
                    )}
                  </>
                ) : (
                  "—"
                )}
              </TD>
              {canChange && (
                <TD className="text-right whitespace-nowrap">
                  {can.accept && (
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={running}
                      onClick={() => decide("accept", [r])}
                      aria-label={`Accept ${r.name}`}
                    >
                      Accept
                    </Button>
                  )}{" "}
                  {can.reject && (
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={running}
                      onClick={() => decide("reject", [r])}
                      aria-label={`Reject ${r.name}`}
                    >
                      Reject
                    </Button>
                  )}
                </TD>
              )}
            </TR>
          ))}
        </tbody>
      </Table>
      <VaultDialog
        images={vaultFor}
        vaults={vaults}
        running={running}
        error={results && !results.result.ok ? results.result.error.message : undefined}
        onCancel={() => setVaultFor(null)}
        onConfirm={(vaultId) => vaultFor && run("accept", vaultFor, vaultId)}
      />
    </div>
  );
}
