"use client";

import { Layers } from "lucide-react";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { QuotaMeter } from "@/components/quota-meter";
import { SelectableTable, SelectionSummary } from "@/components/selection";
import { Button } from "@/components/ui/button";
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
  const selection = useKeptSelection(selectionKey, (id) => rows.find((r) => r.id === id)?.name);
  const ids = selection.items.map((i) => i.id);
  return (
    <div className="flex flex-col gap-3">
      {canChange && (
        <div className="flex min-h-9 flex-wrap items-center gap-3 text-sm">
          <Button asChild variant="secondary">
            <Link href={ids.length ? `/batches/new?images=${ids.map(encodeURIComponent).join(",")}` : "/batches/new"}>
              <Layers aria-hidden />
              Plan a batch
            </Link>
          </Button>
          <SelectionSummary selection={selection} hint="Select phone images, on any page, to plan a batch of them." />
        </div>
      )}
      <SelectableTable
        rows={rows}
        selection={selection}
        canChange={canChange}
        caption="Phone images owned by this project"
        selectAllLabel="Select every phone image on this page"
        rowLabel={(r) => r.name}
        head={
          <>
            <TH>Name</TH>
            <TH>Android</TH>
            <TH className="text-right">Size</TH>
            <TH>Status</TH>
            <TH>Created</TH>
            <TH>Members</TH>
          </>
        }
        cells={(r) => (
          <>
            <TD label="Name">
              <Link href={withBack(`/phones/${r.id}`, back)} className="font-medium text-primary hover:underline">
                {r.name}
              </Link>
              <div className="font-mono text-[11px] text-muted-foreground">{r.id}</div>
            </TD>
            <TD label="Android" className="whitespace-nowrap">
              {r.version || "—"}
            </TD>
            <TD label="Size" className="text-right whitespace-nowrap tabular-nums">
              {formatBytes(r.sizeBytes)}
            </TD>
            <TD label="Status" className="whitespace-nowrap">
              <PhoneStatus status={r.status} />
            </TD>
            <TD label="Created">
              <DateTime value={r.createdAt} />
            </TD>
            <TD label="Members">
              {r.members === undefined ? (
                <span
                  className="text-xs text-muted-foreground"
                  title="The member list could not be read. Open the image to retry."
                >
                  unknown
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
