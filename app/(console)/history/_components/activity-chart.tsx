import { useFormatter, useTranslations } from "next-intl";
import { actionLabeller } from "@/components/history/action-label";
import type { ActivityDay } from "@/lib/audit/read";

/** One colour per group of actions: sharing, receiving, batches, sessions; anything else grey. */
const GROUPS = [
  { name: "groupShare", actions: ["share", "unshare"], className: "fill-primary", swatch: "bg-primary" },
  { name: "groupAccept", actions: ["accept", "reject"], className: "fill-success", swatch: "bg-success" },
  {
    name: "groupBatches",
    actions: ["batch_launched", "batch_retried", "batch_cancelled", "batch_jobs_given_up", "batch_finished"],
    className: "fill-warning",
    swatch: "bg-warning",
  },
  {
    name: "groupSessions",
    actions: ["signed_in", "signed_out", "switched_project"],
    className: "fill-muted-foreground/50",
    swatch: "bg-muted-foreground/50",
  },
] as const;
const OTHER = { name: "groupOther", className: "fill-destructive/70", swatch: "bg-destructive/70" } as const;

const groupOf = (action: string) => GROUPS.find((g) => (g.actions as readonly string[]).includes(action)) ?? OTHER;
/** Stacking order: by group, so each colour is one block of the bar. */
const rank = (action: string) => {
  const i = GROUPS.findIndex((g) => (g.actions as readonly string[]).includes(action));
  return i < 0 ? GROUPS.length : i;
};

const W = 720;
const H = 96;

/** Events per day as stacked bars (a small SVG; the numbers are in each bar's tooltip and the summary). */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const t = useTranslations("history.chart");
  const common = useTranslations("common");
  const actionLabel = actionLabeller(useTranslations("history.actions"));
  const totals = days.map((d) => Object.values(d.counts).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const sum = totals.reduce((a, b) => a + b, 0);
  const slot = W / days.length;
  const bar = Math.max(2, slot * 0.7);
  const format = useFormatter();
  // The bars are UTC days (lib/audit/read.ts): each is named as such, in the reader's language.
  const label = (d: number) => format.dateTime(d, { month: "short", day: "numeric", timeZone: "UTC" });
  const used = [...GROUPS, OTHER].filter((g) => days.some((d) => Object.keys(d.counts).some((a) => groupOf(a) === g)));
  return (
    <figure className="rounded-lg border border-border bg-card p-4">
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{t("caption", { events: sum, days: days.length })}</span>
        <span className="flex flex-wrap gap-3 text-xs text-muted-foreground">
          {used.map((g) => (
            <span key={g.name} className="flex items-center gap-1">
              <span aria-hidden className={`inline-block size-2.5 rounded-sm ${g.swatch}`} />
              {t(g.name)}
            </span>
          ))}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H + 16}`}
        className="h-28 w-full"
        role="img"
        aria-label={t("label", { from: label(days[0].day), to: label(days.at(-1)!.day) })}
      >
        <line x1={0} x2={W} y1={H + 0.5} y2={H + 0.5} className="stroke-border" />
        {days.map((d, i) => {
          let y = H;
          const x = i * slot + (slot - bar) / 2;
          const parts = Object.entries(d.counts).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
          const tip = parts.length
            ? t("tipParts", {
                day: label(d.day),
                events: totals[i],
                parts: parts
                  .map(([a, n]) => t("part", { action: actionLabel(a), count: n }))
                  .join(common("listSeparator")),
              })
            : t("tip", { day: label(d.day), events: totals[i] });
          return (
            <g key={d.day}>
              <title>{tip}</title>
              <rect x={i * slot} y={0} width={slot} height={H} className="fill-transparent" />
              {parts.map(([action, n]) => {
                const h = (n / max) * (H - 4);
                y -= h;
                return <rect key={action} x={x} y={y} width={bar} height={h} className={groupOf(action).className} />;
              })}
            </g>
          );
        })}
        {[0, Math.floor(days.length / 2), days.length - 1].map((i) => (
          <text
            key={i}
            x={Math.min(Math.max(i * slot + slot / 2, 14), W - 14)}
            y={H + 13}
            textAnchor="middle"
            className="fill-muted-foreground text-[10px]"
          >
            {label(days[i].day)}
          </text>
        ))}
      </svg>
    </figure>
  );
}
