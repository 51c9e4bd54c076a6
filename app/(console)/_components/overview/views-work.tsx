"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { dataTag } from "@/components/data-text";
import { When } from "@/components/date-time";
import { TargetId } from "@/components/target-id";
import { Badge } from "@/components/ui/badge";
import { TILE_LINKS } from "@/lib/overview/links";
import { Ago, TileBody, TileTitle, type ViewProps } from "./parts";

export function IncomingView({ data }: ViewProps<"incoming">) {
  const t = useTranslations("overview.tiles.incoming");
  return (
    <>
      <TileTitle name="incoming" count={data.count} tone="attention" extra={data.count > 0 && t("extra")} />
      <TileBody
        name="incoming"
        items={data.items}
        label={t("list")}
        calm={t("calm")}
        itemKey={(i) => i.id}
        link={data.count > 0 && { href: TILE_LINKS.incoming(), text: t("link", { count: data.count }) }}
      >
        {(i) => (
          <>
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
          </>
        )}
      </TileBody>
    </>
  );
}

export function ApprovalsView({ data }: ViewProps<"approvals">) {
  const t = useTranslations("overview.tiles.approvals");
  const total = data.waiting + data.yours;
  return (
    <>
      <TileTitle
        name="approvals"
        count={data.waiting}
        tone="attention"
        extra={t("extra", { waiting: data.waiting, yours: data.yours })}
      />
      <TileBody
        name="approvals"
        items={data.items}
        label={t("list")}
        calm={t("calm")}
        itemKey={(r) => r.id}
        link={total > 0 && { href: TILE_LINKS.approvals(), text: t("link", { count: total }) }}
      >
        {(r) => (
          <>
            <span className="min-w-0 flex-1 truncate">
              {r.renewal
                ? t.rich("renewal", { user: r.by, name: dataTag })
                : r.mine
                  ? t("yours", { pairs: r.pairs })
                  : t.rich("asks", { user: r.by, pairs: r.pairs, name: dataTag })}
            </span>
            {r.mine && <Badge>{t("mine")}</Badge>}
            <Ago at={r.requestedAt} />
          </>
        )}
      </TileBody>
    </>
  );
}

export function BatchesView({ data }: ViewProps<"batches">) {
  const t = useTranslations("overview.tiles.batches");
  const failed = data.items.some((b) => b.failed > 0);
  return (
    <>
      <TileTitle name="batches" count={data.count} tone={failed ? "danger" : "attention"} extra={t("extra")} />
      <TileBody
        name="batches"
        items={data.items}
        label={t("list")}
        calm={t("calm")}
        itemKey={(b) => b.id}
        link={data.count > 0 && { href: TILE_LINKS.batches(), text: t("link", { count: data.count }) }}
      >
        {(b) => (
          <>
            <Link href={`/batches/${b.id}`} className="min-w-0 flex-1 truncate text-primary hover:underline">
              {t.rich("batch", { operation: b.operation, user: b.by, name: dataTag })}
            </Link>
            {b.finishedAt === null ? (
              <Badge tone="info">{t("running", { done: b.done, launched: b.launched })}</Badge>
            ) : (
              <Badge tone="danger">{t("failed", { failed: b.failed, launched: b.launched })}</Badge>
            )}
            <Ago at={b.finishedAt ?? b.createdAt} />
          </>
        )}
      </TileBody>
    </>
  );
}

export function LeasesView({ data }: ViewProps<"leases">) {
  const t = useTranslations("overview.tiles.leases");
  return (
    <>
      <TileTitle name="leases" count={data.count} tone="attention" extra={t("extra")} />
      <TileBody
        name="leases"
        items={data.items}
        label={t("list")}
        calm={t("calm")}
        itemKey={(l) => `${l.imageId} ${l.memberId}`}
        link={data.count > 0 && { href: TILE_LINKS.leases(), text: t("link", { count: data.count }) }}
      >
        {(l) => (
          <>
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
          </>
        )}
      </TileBody>
    </>
  );
}
