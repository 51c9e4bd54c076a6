"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { When } from "@/components/date-time";
import { TargetId } from "@/components/target-id";
import { Badge } from "@/components/ui/badge";
import { TILE_LINKS } from "@/lib/overview/links";
import type { TileName } from "@/lib/overview/types";
import { Ago, TileCalm, TileItem, TileLink, TileList, TileTitle, type ViewProps } from "./parts";

const useTile = (name: TileName) => useTranslations(`overview.tiles.${name}`);

export function IncomingView({ data }: ViewProps<"incoming">) {
  const t = useTile("incoming");
  return (
    <>
      <TileTitle name="incoming" count={data.count} tone="attention" extra={data.count > 0 && t("extra")} />
      {data.items.length === 0 ? (
        <TileCalm>{t("calm")}</TileCalm>
      ) : (
        <TileList label={t("list")}>
          {data.items.map((i) => (
            <TileItem key={i.id} testId="tile-incoming-item">
              <span className="min-w-40 flex-1">
                <span translate="no" className="block truncate font-medium">
                  {i.name}
                </span>
                <span className="flex items-center gap-1 text-xs text-muted-foreground">
                  {t("from")} <TargetId id={i.owner} compact className="max-w-40" />
                </span>
              </span>
              {i.sharedAt !== undefined && (
                <span className="text-xs text-muted-foreground">
                  {t("waiting")} <Ago at={i.sharedAt} age />
                </span>
              )}
            </TileItem>
          ))}
        </TileList>
      )}
      {data.count > 0 && (
        <TileLink href={TILE_LINKS.incoming()} testId="tile-incoming-link">
          {t("link", { count: data.count })}
        </TileLink>
      )}
    </>
  );
}

export function ApprovalsView({ data }: ViewProps<"approvals">) {
  const t = useTile("approvals");
  const total = data.waiting + data.yours;
  return (
    <>
      <TileTitle
        name="approvals"
        count={data.waiting}
        tone="attention"
        extra={t("extra", { waiting: data.waiting, yours: data.yours })}
      />
      {data.items.length === 0 ? (
        <TileCalm>{t("calm")}</TileCalm>
      ) : (
        <TileList label={t("list")}>
          {data.items.map((r) => (
            <TileItem key={r.id} testId="tile-approvals-item">
              <span className="min-w-0 flex-1 truncate">
                {r.renewal
                  ? t("renewal", { user: r.by })
                  : r.mine
                    ? t("yours", { pairs: r.pairs })
                    : t("asks", { user: r.by, pairs: r.pairs })}
              </span>
              {r.mine && <Badge>{t("mine")}</Badge>}
              <Ago at={r.requestedAt} />
            </TileItem>
          ))}
        </TileList>
      )}
      {total > 0 && (
        <TileLink href={TILE_LINKS.approvals()} testId="tile-approvals-link">
          {t("link", { count: total })}
        </TileLink>
      )}
    </>
  );
}

export function BatchesView({ data }: ViewProps<"batches">) {
  const t = useTile("batches");
  const failed = data.items.some((b) => b.failed > 0);
  return (
    <>
      <TileTitle name="batches" count={data.count} tone={failed ? "danger" : "attention"} extra={t("extra")} />
      {data.items.length === 0 ? (
        <TileCalm>{t("calm")}</TileCalm>
      ) : (
        <TileList label={t("list")}>
          {data.items.map((b) => (
            <TileItem key={b.id} testId="tile-batches-item">
              <Link href={`/batches/${b.id}`} className="min-w-0 flex-1 truncate text-primary hover:underline">
                {t("batch", { operation: b.operation, user: b.by })}
              </Link>
              {b.finishedAt === null ? (
                <Badge tone="info">{t("running", { done: b.done, launched: b.launched })}</Badge>
              ) : (
                <Badge tone="danger">{t("failed", { failed: b.failed, launched: b.launched })}</Badge>
              )}
              <Ago at={b.finishedAt ?? b.createdAt} />
            </TileItem>
          ))}
        </TileList>
      )}
      {data.count > 0 && (
        <TileLink href={TILE_LINKS.batches()} testId="tile-batches-link">
          {t("link", { count: data.count })}
        </TileLink>
      )}
    </>
  );
}

export function LeasesView({ data }: ViewProps<"leases">) {
  const t = useTile("leases");
  return (
    <>
      <TileTitle name="leases" count={data.count} tone="attention" extra={t("extra")} />
      {data.items.length === 0 ? (
        <TileCalm>{t("calm")}</TileCalm>
      ) : (
        <TileList label={t("list")}>
          {data.items.map((l) => (
            <TileItem key={`${l.imageId} ${l.memberId}`} testId="tile-leases-item">
              <span className="min-w-40 flex-1">
                <Link
                  href={l.service === "cph" ? `/phones/${l.imageId}` : `/images/${l.imageId}`}
                  translate="no"
                  className="block truncate font-medium text-primary hover:underline"
                >
                  {l.imageName}
                </Link>
                <TargetId id={l.memberId} compact className="max-w-48" />
              </span>
              <span className="text-xs text-muted-foreground">
                {t("ends")} <When value={l.endsAt} />
              </span>
            </TileItem>
          ))}
        </TileList>
      )}
      {data.count > 0 && (
        <TileLink href={TILE_LINKS.leases()} testId="tile-leases-link">
          {t("link", { count: data.count })}
        </TileLink>
      )}
    </>
  );
}
