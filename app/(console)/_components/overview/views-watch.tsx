"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import Link from "next/link";
import { dataTag } from "@/components/data-text";
import { When } from "@/components/date-time";
import { actionLabeller } from "@/components/history/action-label";
import { TargetId } from "@/components/target-id";
import { Badge } from "@/components/ui/badge";
import { useText } from "@/components/use-text";
import { TILE_LINKS } from "@/lib/overview/links";
import { ImportNowButton } from "../../history/_components/import-now-button";
import { Ago, TileBody, TileLink, TileTitle, type ViewProps } from "./parts";

export function OutsideView({ data }: ViewProps<"outside">) {
  const t = useTranslations("overview.tiles.outside");
  const label = actionLabeller(useTranslations("history.actions"));
  return (
    <>
      <TileTitle
        name="outside"
        count={data.count}
        tone={data.outsidePolicy > 0 ? "danger" : "attention"}
        extra={t("extra", { outside: data.outsidePolicy })}
      />
      <TileBody
        name="outside"
        items={data.items}
        label={t("list")}
        calm={t("calm")}
        itemKey={(e) => e.id}
        link={data.count > 0 && { href: TILE_LINKS.outside(data.from), text: t("link", { count: data.count }) }}
      >
        {(e) => (
          <>
            <span className="min-w-40 flex-1">
              <Link href={`/history?event=${e.id}`} className="block truncate font-medium text-primary hover:underline">
                {t.rich("change", { action: label(e.action), user: e.by, name: dataTag })}
              </Link>
              {e.targets[0] && <TargetId id={e.targets[0]} compact className="max-w-48" />}
            </span>
            {e.outsidePolicy && <Badge tone="danger">{t("outsidePolicy")}</Badge>}
            <Ago at={e.at} />
          </>
        )}
      </TileBody>
    </>
  );
}

export function DriftView({ data }: ViewProps<"drift">) {
  const t = useTranslations("overview.tiles.drift");
  return (
    <>
      <TileTitle
        name="drift"
        count={data.drifted}
        tone="attention"
        extra={t("extra", { watched: data.watched, unchecked: data.unchecked })}
      />
      <TileBody
        name="drift"
        items={data.items}
        label={t("list")}
        calm={data.watched === 0 ? t("none") : t("calm")}
        itemKey={(w) => w.id}
        link={
          data.watched === 0
            ? { href: "/manifests", text: t("start") }
            : data.drifted > 0 && { href: TILE_LINKS.drift(), text: t("link", { count: data.drifted }) }
        }
      >
        {(w) => (
          <>
            <Link
              href={`/manifests?watch=${w.id}`}
              translate="no"
              className="min-w-0 flex-1 truncate font-medium text-primary hover:underline"
            >
              {w.name}
            </Link>
            <Badge tone="warning">{t("changes", { count: w.driftCount })}</Badge>
            {w.checkedAt !== null && <Ago at={w.checkedAt} />}
          </>
        )}
      </TileBody>
    </>
  );
}

export function NearLimitView({ data }: ViewProps<"nearLimit">) {
  const t = useTranslations("overview.tiles.nearLimit");
  return (
    <>
      <TileTitle
        name="nearLimit"
        count={data.count}
        tone="attention"
        extra={data.more ? t("scannedSome", { scanned: data.scanned }) : t("extra")}
      />
      <TileBody name="nearLimit" items={data.items} label={t("list")} calm={t("calm")} itemKey={(i) => i.id}>
        {(i) => (
          <>
            <Link
              href={i.service === "cph" ? `/phones/${i.id}` : `/images/${i.id}`}
              translate="no"
              className="min-w-0 flex-1 truncate font-medium text-primary hover:underline"
            >
              {i.name}
            </Link>
            <span className="flex items-center gap-2 text-xs text-muted-foreground tabular-nums">
              <meter min={0} max={i.limit} value={i.members} high={i.limit * 0.9} className="h-2 w-16" />
              {t("members", { members: i.members, limit: i.limit })}
            </span>
          </>
        )}
      </TileBody>
      {/* Two pages hold them: Images and Phone images, each filtered to its own. */}
      <div className="mt-auto flex flex-col gap-1">
        {data.images > 0 && (
          <TileLink
            href={TILE_LINKS.nearLimit()}
            text={t("link", { count: data.images })}
            testId="tile-nearLimit-link"
          />
        )}
        {data.phones > 0 && (
          <TileLink
            href={TILE_LINKS.nearLimitPhones()}
            text={t("phonesLink", { count: data.phones })}
            testId="tile-nearLimit-phones-link"
          />
        )}
      </div>
    </>
  );
}

export function CtsView({ data, canChange }: ViewProps<"cts">) {
  const t = useTranslations("overview.tiles.cts");
  const client = useQueryClient();
  // What an import brought in shows at once in every tile (outside changes, drift, activity), not at the next poll.
  const imported = useCallback(() => void client.invalidateQueries({ queryKey: ["overview"] }), [client]);
  const say = useText();
  const last = data.last;
  return (
    <>
      <TileTitle name="cts" extra={t("extra")} />
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t("last")}</dt>
        <dd data-testid="tile-cts-last">
          {last ? (
            <>
              <When value={last.startedAt} /> <Ago at={last.startedAt} />
              <span className="block text-xs text-muted-foreground">
                {last.status === "succeeded"
                  ? t("found", { imported: last.imported, known: last.known })
                  : t(last.status === "running" ? "running" : last.status === "skipped" ? "skipped" : "failed")}
                {last.error && <> {say(last.error)}</>}
              </span>
            </>
          ) : (
            t("never")
          )}
        </dd>
        <dt className="text-muted-foreground">{t("next")}</dt>
        <dd>{data.nextAt !== undefined ? <When value={data.nextAt} /> : t("onDemand")}</dd>
      </dl>
      {data.overdue ? (
        <Badge tone="warning" data-testid="tile-cts-overdue" className="w-fit">
          {t("overdue")}
        </Badge>
      ) : (
        <Badge tone="success" className="w-fit">
          {t("upToDate")}
        </Badge>
      )}
      <div className="mt-auto flex flex-wrap items-end justify-between gap-3">
        <TileLink href={TILE_LINKS.cts()} text={t("link")} testId="tile-cts-link" />
        {canChange && <ImportNowButton onImported={imported} />}
      </div>
    </>
  );
}
