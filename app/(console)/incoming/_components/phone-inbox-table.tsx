"use client";

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
const WORDS = { noun: "phone image", usable: "create cloud phones" };

/** The shared phone images, with Accept and Reject per row and for a selection, for users who may change them. */
export function PhoneInboxTable({ rows, canChange }: { rows: PhoneInboxRow[]; canChange: boolean }) {
  const { selection, running, decide } = useDecide({ actions: ACTIONS, words: WORDS });

  if (rows.length === 0) {
    return (
      <EmptyState
        title="No phone images are shared with this project"
        hint="When another project shares a CPH image with this one, it is listed here to accept or reject."
      />
    );
  }

  return (
    <DecisionTable
      rows={rows}
      selection={selection}
      canChange={canChange}
      running={running}
      busy="Sending…"
      onDecide={decide}
      caption="Phone images shared with this project"
      selectAllLabel="Select all shared phone images"
      head={
        <>
          <TH>Image and owner project</TH>
          <TH>Android</TH>
          <TH>Created</TH>
          <TH className="min-w-44">Last console decision</TH>
        </>
      }
      cells={(r) => (
        <>
          <TD label="Image">
            <div className="font-medium">{r.name}</div>
            <TargetId id={r.id} className="text-muted-foreground" />
            <div className="text-[11px] whitespace-nowrap text-muted-foreground">
              from {r.ownerProjectId ? <TargetId id={r.ownerProjectId} compact /> : "an unknown project"}
            </div>
          </TD>
          <TD label="Android" className="whitespace-nowrap">
            <div>{r.version || "—"}</div>
            <div className="text-xs text-muted-foreground tabular-nums">{formatBytes(r.sizeBytes)}</div>
          </TD>
          <TD label="Created">
            <DateTime value={r.createTime} />
          </TD>
          <TD label="Decision">
            <Decision decision={r.decision} />
          </TD>
        </>
      )}
    />
  );
}

function Decision({ decision }: { decision: PhoneInboxRow["decision"] }) {
  if (decision === undefined)
    return <span className="text-xs text-muted-foreground">Unknown: the console&apos;s history could not be read</span>;
  if (decision === null)
    return <span className="text-xs text-muted-foreground">No decision recorded by this console</span>;
  const accepted = decision.action === "accept";
  return (
    <div className="flex flex-col text-xs leading-tight">
      <span>
        <span className={cn("font-medium", accepted ? "text-success" : "text-destructive")}>
          {accepted ? "Accepted" : "Rejected"}
        </span>{" "}
        by {decision.userName} via this console
      </span>
      <DateTime value={decision.at} />
    </div>
  );
}
