"use client";

import { ArrowDown, ArrowUp, Layers, Share2 } from "lucide-react";
import Link from "next/link";
import { QuotaMeter } from "@/components/quota-meter";
import { SelectableTable, SelectionSummary, selectedLabel } from "@/components/selection";
import { useKeptSelection } from "@/components/use-kept-selection";
import { ShareBadge } from "@/components/share-badge";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TD, TH } from "@/components/ui/table";
import { formatBytes, formatDate } from "@/lib/format";
import type { ImageListQuery } from "@/lib/sharing/image-page";
import { KIND_LABEL } from "@/lib/sharing/shareability";
import { withBack } from "@/lib/lists/return-to";
import { firstDirection, listHref } from "./query";
import type { ImageRowView } from "./row-view";
import { planShareAction, shareImagesAction } from "../actions";

function SortHeader({
  query,
  sort,
  children,
  className,
}: {
  query: ImageListQuery;
  sort: ImageListQuery["sort"];
  children: string;
  className?: string;
}) {
  const active = query.sort === sort;
  const dir = active ? (query.dir === "desc" ? "asc" : "desc") : firstDirection(sort);
  const Icon = query.dir === "desc" ? ArrowDown : ArrowUp;
  return (
    <TH className={className} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={listHref({ ...query, sort, dir, marker: undefined, trail: undefined })}
        className="inline-flex items-center gap-1 hover:text-foreground"
      >
        {children}
        {active && <Icon aria-hidden className="size-3" />}
      </Link>
    </TH>
  );
}

const SHARE_ACTIONS = { plan: planShareAction, share: shareImagesAction };

function statusTone(status: string) {
  return status === "active" ? "success" : status === "killed" || status === "deleted" ? "danger" : "warning";
}

/**
 * The images table with multi-select: shareable images chosen on any page of the list (the selection
 * outlives paging, filters and a visit to an image) can be shared together or planned as a batch.
 */
export function ImageList({
  rows,
  query,
  canChange,
  selectionKey,
}: {
  rows: ImageRowView[];
  query: ImageListQuery;
  canChange: boolean;
  /** Where the selection is kept: one per project, so another project's ids never join it. */
  selectionKey: string;
}) {
  const selection = useKeptSelection(selectionKey, (id) => rows.find((r) => r.id === id)?.name);
  const chosen = selection.items;
  const onPage = rows.find((r) => chosen.length === 1 && r.id === chosen[0].id);
  const back = listHref(query);

  return (
    <div className="flex flex-col gap-3">
      {canChange && (
        <div className="flex min-h-9 flex-wrap items-center gap-3 text-sm">
          <ShareDialog
            service="ims"
            images={chosen}
            actions={SHARE_ACTIONS}
            quota={onPage ? { used: onPage.members, limit: onPage.limit } : undefined}
            trigger={
              <Button disabled={chosen.length === 0}>
                <Share2 aria-hidden />
                {selectedLabel("Share", chosen.length)}
              </Button>
            }
          />
          <Button asChild variant="secondary">
            <Link href={chosen.length ? `/batches/new?images=${chosen.map((r) => r.id).join(",")}` : "/batches/new"}>
              <Layers aria-hidden />
              Plan a batch
            </Link>
          </Button>
          <SelectionSummary
            selection={selection}
            hint="Select shareable images, on any page, to share them together."
          />
        </div>
      )}
      <SelectableTable
        rows={rows}
        selection={selection}
        canChange={canChange}
        caption="Images owned by this project"
        selectAllLabel="Select every shareable image on this page"
        rowLabel={(r) => r.name}
        isDisabled={(r) => Boolean(r.blocker)}
        head={
          <>
            <SortHeader query={query} sort="name">
              Name
            </SortHeader>
            <TH>OS</TH>
            <TH>Type</TH>
            <SortHeader query={query} sort="size" className="text-right">
              Size
            </SortHeader>
            <TH>Status</TH>
            <TH>Members</TH>
            <TH>Sharing</TH>
            <SortHeader query={query} sort="created_at">
              Created
            </SortHeader>
          </>
        }
        cells={(r) => <ImageCells row={r} back={back} />}
      />
    </div>
  );
}

function ImageCells({ row: r, back }: { row: ImageRowView; back: string }) {
  return (
    <>
      <TD label="Name">
        <Link href={withBack(`/images/${r.id}`, back)} className="font-medium hover:underline">
          {r.name}
        </Link>
        <div className="font-mono text-[11px] whitespace-nowrap text-muted-foreground">{r.id}</div>
      </TD>
      <TD label="OS" className="whitespace-nowrap" title={r.osVersion}>
        {r.os}
      </TD>
      <TD label="Type" className="whitespace-nowrap">
        {KIND_LABEL[r.kind]}
      </TD>
      <TD label="Size" className="text-right whitespace-nowrap tabular-nums">
        {formatBytes(r.sizeBytes)}
      </TD>
      <TD label="Status" className="whitespace-nowrap">
        <Badge tone={statusTone(r.status)}>{r.status}</Badge>
      </TD>
      <TD label="Members">
        <QuotaMeter used={r.members} limit={r.limit} />
        {r.pending > 0 && <span className="text-xs text-warning">{r.pending} pending</span>}
      </TD>
      <TD label="Sharing">
        <ShareBadge blocker={r.blocker} />
        {r.blocker && <p className="mt-1 max-w-52 text-xs text-muted-foreground">{r.blocker.reason}</p>}
      </TD>
      <TD label="Created" className="whitespace-nowrap text-muted-foreground" title={formatDate(r.createdAt)}>
        {r.createdAt.slice(0, 10)}
      </TD>
    </>
  );
}
