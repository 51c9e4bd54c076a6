"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { ActivityAction, ActivitySource } from "@/lib/overview/types";
import { TileTitle, type ViewProps } from "./parts";

const SOURCES: { source: ActivitySource; fill: string; swatch: string }[] = [
  { source: "console", fill: "fill-primary", swatch: "bg-primary" },
  { source: "api", fill: "fill-success", swatch: "bg-success" },
  { source: "cts", fill: "fill-warning", swatch: "bg-warning" },
  { source: "lease", fill: "fill-muted-foreground/60", swatch: "bg-muted-foreground/60" },
];
const ACTIONS: ActivityAction[] = ["share", "unshare", "accept", "reject"];

const W = 720;
const H = 110;

/**
 * The last 30 days of shares, unshares, accepts and rejects, one stacked bar a day by where they were
 * made; each bar's numbers are in its tooltip, the totals in a table below the bars.
 */
export function ActivityView({ data }: ViewProps<"activity">) {
  const t = useTranslations("overview.tiles.activity");
  const format = useFormatter();
  const sum = (c: Partial<Record<ActivityAction, number>> = {}) => ACTIONS.reduce((n, a) => n + (c[a] ?? 0), 0);
  const totals = data.days.map((d) => SOURCES.reduce((n, s) => n + sum(d.counts[s.source]), 0));
  const all = totals.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...totals);
  const slot = W / data.days.length;
  const bar = Math.max(2, slot * 0.7);
  const day = (d: number) => format.dateTime(d, { month: "short", day: "numeric", timeZone: "UTC" });
  const by = (source: ActivitySource, action: ActivityAction) =>
    data.days.reduce((n, d) => n + (d.counts[source]?.[action] ?? 0), 0);
  const used = SOURCES.filter((s) => ACTIONS.some((a) => by(s.source, a) > 0));
  return (
    <>
      <TileTitle name="activity" extra={t("extra", { events: all, days: data.days.length })} />
      {all === 0 ? (
        <p className="text-sm text-muted-foreground">{t("calm")}</p>
      ) : (
        <>
          <div className="flex flex-wrap gap-3 text-xs text-muted-foreground">
            {used.map((s) => (
              <span key={s.source} className="flex items-center gap-1">
                <span aria-hidden className={`inline-block size-2.5 rounded-sm ${s.swatch}`} />
                {t(`sources.${s.source}`)}
              </span>
            ))}
          </div>
          <svg viewBox={`0 0 ${W} ${H}`} className="h-28 w-full" aria-hidden preserveAspectRatio="none">
            {data.days.map((d, i) => {
              let y = H;
              return (
                <g key={d.day}>
                  <title>
                    {`${day(d.day)}: ${SOURCES.flatMap((s) => {
                      const n = sum(d.counts[s.source]);
                      return n ? [`${t(`sources.${s.source}`)} ${n}`] : [];
                    }).join(", ")}`}
                  </title>
                  <rect x={i * slot} y={0} width={slot} height={H} className="fill-transparent" />
                  {SOURCES.map((s) => {
                    const n = sum(d.counts[s.source]);
                    if (!n) return null;
                    const h = (n / max) * (H - 4);
                    y -= h;
                    return (
                      <rect
                        key={s.source}
                        x={i * slot + (slot - bar) / 2}
                        y={y}
                        width={bar}
                        height={h}
                        className={s.fill}
                      />
                    );
                  })}
                </g>
              );
            })}
          </svg>
          <div className="flex justify-between text-xs text-muted-foreground">
            <span>{day(data.days[0].day)}</span>
            <span>{day(data.days[data.days.length - 1].day)}</span>
          </div>
          <table className="w-full text-left text-xs tabular-nums" data-testid="tile-activity-table">
            <caption className="sr-only">{t("tableCaption", { days: data.days.length })}</caption>
            <thead className="text-muted-foreground">
              <tr>
                <th scope="col" className="py-1 font-medium">
                  {t("source")}
                </th>
                {ACTIONS.map((a) => (
                  <th key={a} scope="col" className="py-1 pl-2 text-right font-medium">
                    {t(`actions.${a}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {used.map((s) => (
                <tr key={s.source} className="border-t border-border">
                  <th scope="row" className="py-1 font-normal">
                    {t(`sources.${s.source}`)}
                  </th>
                  {ACTIONS.map((a) => (
                    <td key={a} className="py-1 pl-2 text-right">
                      {by(s.source, a)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Link
        href="/history"
        className="mt-auto w-fit text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {t("link")}
      </Link>
    </>
  );
}
