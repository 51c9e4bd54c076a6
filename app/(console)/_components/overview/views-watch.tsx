"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { When } from "@/components/date-time";
import { actionLabeller } from "@/components/history/action-label";
import { TargetId } from "@/components/target-id";
import { Badge } from "@/components/ui/badge";
import { useText } from "@/components/use-text";
import { TILE_LINKS } from "@/lib/overview/links";
import { ImportNowButton } from "../../history/_components/import-now-button";
import { Ago, TileCalm, TileItem, TileLink, TileList, TileTitle, type ViewProps } from "./parts";

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
      {data.items.length === 0 ? (
        <TileCalm>{t("calm")}</TileCalm>
      ) : (
        <TileList label={t("list")}>
          {data.items.map((e) => (
            <TileItem key={e.id} testId="tile-outside-item">
              <span className="min-w-40 flex-1">
                <Link
                  href={`/history?event=${e.id}`}
                  className="block truncate font-medium text-primary hover:underline"
                >
                  {t("change", { action: label(e.action), user: e.by })}
                </Link>
                {e.targets[0] && <TargetId id={e.targets[0]} compact className="max-w-48" />}
              </span>
              {e.outsidePolicy && <Badge tone="danger">{t("outsidePolicy")}</Badge>}
              <Ago at={e.at} />
            </TileItem>
          ))}
        </TileList>
      )}
      {data.count > 0 && (
        <TileLink href={TILE_LINKS.outside(data.from)} testId="tile-outside-link">
          {t("link", { count: data.count })}
        </TileLink>
      )}
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
      {data.items.length === 0 ? (
        <TileCalm>{data.watched === 0 ? t("none") : t("calm")}</TileCalm>
      ) : (
        <TileList label={t("list")}>
          {data.items.map((w) => (
            <TileItem key={w.id} testId="tile-drift-item">
              <Link
                href={`/manifests?watch=${w.id}`}
                translate="no"
                className="min-w-0 flex-1 truncate font-medium text-primary hover:underline"
              >
                {w.name}
              </Link>
              <Badge tone="warning">{t("changes", { count: w.driftCount })}</Badge>
              {w.checkedAt !== null && <Ago at={w.checkedAt} />}
            </TileItem>
          ))}
        </TileList>
      )}
      {data.watched === 0 ? (
        <TileLink href="/manifests" testId="tile-drift-link">
          {t("start")}
        </TileLink>
      ) : (
        data.drifted > 0 && (
          <TileLink href={TILE_LINKS.drift()} testId="tile-drift-link">
            {t("link", { count: data.drifted })}
          </TileLink>
        )
      )}
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
      {data.items.length === 0 ? (
        <TileCalm>{t("calm")}</TileCalm>
      ) : (
        <TileList label={t("list")}>
          {data.items.map((i) => (
            <TileItem key={i.id} testId="tile-nearLimit-item">
              <Link
                href={`/images/${i.id}`}
                translate="no"
                className="min-w-0 flex-1 truncate font-medium text-primary hover:underline"
              >
                {i.name}
              </Link>
              <span className="flex items-center gap-2 text-xs text-muted-foreground tabular-nums">
                <meter min={0} max={i.limit} value={i.members} high={i.limit * 0.9} className="h-2 w-16" />
                {t("members", { members: i.members, limit: i.limit })}
              </span>
            </TileItem>
          ))}
        </TileList>
      )}
      {data.count > 0 && (
        <TileLink href={TILE_LINKS.nearLimit()} testId="tile-nearLimit-link">
          {t("link", { count: data.count })}
        </TileLink>
      )}
    </>
  );
}

export function CtsView({ data, canChange }: ViewProps<"cts">) {
  const t = useTranslations("overview.tiles.cts");
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
        <TileLink href={TILE_LINKS.cts()} testId="tile-cts-link">
          {t("link")}
        </TileLink>
        {canChange && <ImportNowButton />}
      </div>
    </>
  );
}
