"use client";

import { ArrowDown, ArrowUp, Share2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { QuotaMeter } from "@/components/quota-meter";
import { PlanBatchLink, SelectableTable, SelectionSummary } from "@/components/selection";
import { useKeptSelection } from "@/components/use-kept-selection";
import { useText } from "@/components/use-text";
import { ShareBadge } from "@/components/share-badge";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { ImageStatus } from "@/components/image-status";
import { Button } from "@/components/ui/button";
import { TD, TH } from "@/components/ui/table";
import { When } from "@/components/date-time";
import { formatBytes } from "@/lib/format";
import type { ImageListQuery } from "@/lib/sharing/image-page";
import { withBack } from "@/lib/lists/return-to";
import { firstDirection, listHref } from "./query";
import type { ImageRowView } from "./row-view";
import { planShareAction, shareImagesAction } from "../actions";
import { requestApprovalAction } from "../../approvals/actions";

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

const SHARE_ACTIONS = { plan: planShareAction, share: shareImagesAction, requestApproval: requestApprovalAction };

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
  const t = useTranslations("images.list");
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
                {t("share", { count: chosen.length })}
              </Button>
            }
          />
          <PlanBatchLink ids={chosen.map((r) => r.id)} label={t("planBatch")} />
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
        isDisabled={(r) => Boolean(r.blocker)}
        head={
          <>
            <SortHeader query={query} sort="name">
              {t("name")}
            </SortHeader>
            <TH>{t("os")}</TH>
            <TH>{t("type")}</TH>
            <SortHeader query={query} sort="size" className="text-right">
              {t("size")}
            </SortHeader>
            <TH>{t("status")}</TH>
            <TH>{t("members")}</TH>
            <TH>{t("sharing")}</TH>
            <SortHeader query={query} sort="created_at">
              {t("created")}
            </SortHeader>
          </>
        }
        cells={(r) => <ImageCells row={r} back={back} />}
      />
    </div>
  );
}

function ImageCells({ row: r, back }: { row: ImageRowView; back: string }) {
  const t = useTranslations("images.list");
  const kinds = useTranslations("sharing.kind");
  const say = useText();
  return (
    <>
      <TD label={t("name")}>
        <Link href={withBack(`/images/${r.id}`, back)} translate="no" className="font-medium hover:underline">
          {r.name}
        </Link>
        <div translate="no" className="font-mono text-[11px] whitespace-nowrap text-muted-foreground">
          {r.id}
        </div>
      </TD>
      <TD label={t("os")} translate="no" className="whitespace-nowrap" title={r.osVersion}>
        {r.os}
      </TD>
      <TD label={t("type")} className="whitespace-nowrap">
        {kinds(r.kind)}
      </TD>
      <TD label={t("size")} className="text-right whitespace-nowrap tabular-nums">
        {formatBytes(r.sizeBytes)}
      </TD>
      <TD label={t("status")} className="whitespace-nowrap">
        <ImageStatus status={r.status} />
      </TD>
      <TD label={t("members")}>
        <QuotaMeter used={r.members} limit={r.limit} />
        {r.pending > 0 && <span className="text-xs text-warning">{t("pending", { count: r.pending })}</span>}
        {r.ending && (
          <span className="block text-xs text-warning" data-testid="ending-soon">
            {t("ending", { count: r.ending })}
          </span>
        )}
      </TD>
      <TD label={t("sharing")}>
        <ShareBadge blocker={r.blocker} />
        {r.blocker && <p className="mt-1 max-w-52 text-xs text-muted-foreground">{say(r.blocker.reason)}</p>}
      </TD>
      <TD label={t("created")} className="whitespace-nowrap text-muted-foreground">
        <When value={r.createdAt} day />
      </TD>
    </>
  );
}
