import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useText } from "@/components/use-text";
import type { BatchPlanView } from "@/lib/batches/plan";
import { cn } from "@/lib/utils";

/** The plan's totals: what the plan would send, what it will not and why, and what the launch sends. */
export function PlanSummary({ plan, excluded }: { plan: BatchPlanView; excluded: number }) {
  const t = useTranslations("batches.new");
  const format = useFormatter();
  const { send, skip, blocked, pairs } = plan.counts;
  const share = plan.operation === "share";
  const totals = [
    { label: share ? t("toAdd") : t("toRemove"), value: send, tone: "text-success" },
    { label: share ? t("skippedMembers") : t("skippedNotMembers"), value: skip, tone: "text-muted-foreground" },
    { label: t("blocked"), value: blocked, tone: "text-destructive" },
    { label: t("excludedByYou"), value: excluded, tone: "text-warning" },
  ];
  return (
    <section aria-label={t("totals")} className="flex flex-col gap-2">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {totals.map((total) => (
          <div key={total.label} className="rounded-lg border border-border bg-card px-3 py-2">
            <dt className="text-xs text-muted-foreground">{total.label}</dt>
            <dd className={cn("text-xl font-semibold tabular-nums", total.tone)}>{format.number(total.value)}</dd>
          </div>
        ))}
        <div className="rounded-lg border border-primary/40 bg-accent px-3 py-2">
          <dt className="text-xs text-muted-foreground">{t("pairsLaunched")}</dt>
          <dd className="text-xl font-semibold tabular-nums">{format.number(send - excluded)}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted-foreground">
        {t("product", { images: plan.images.length, targets: plan.targets.length, pairs })}
      </p>
    </section>
  );
}

/** Blocked pairs grouped by reason, and the target lines that did not parse. */
export function PlanProblems({ plan }: { plan: BatchPlanView }) {
  const t = useTranslations("batches.new");
  const format = useFormatter();
  const say = useText();
  const groups = useMemo(() => {
    const counts = new Array<number>(plan.reasons.length).fill(0);
    for (const c of plan.cells) if (c >= 2) counts[c - 2]++;
    return plan.reasons.map((reason, k) => ({ reason, count: counts[k] })).sort((a, b) => b.count - a.count);
  }, [plan]);
  if (groups.length === 0 && plan.invalid.length === 0) return null;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {groups.length > 0 && (
        <section aria-labelledby="blocked-pairs" className="rounded-lg border border-border bg-card p-4">
          <h2 id="blocked-pairs" className="mb-2 text-sm font-semibold">
            {t("blockedPairs")}
          </h2>
          <ul className="flex flex-col gap-1 text-sm">
            {groups.map((g) => (
              <li key={JSON.stringify(g.reason)} className="flex gap-3">
                <span className="w-14 shrink-0 text-right font-semibold text-destructive tabular-nums">
                  {format.number(g.count)}
                </span>
                <span>{say(g.reason)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.invalid.length > 0 && (
        <section aria-labelledby="invalid-targets" className="rounded-lg border border-border bg-card p-4">
          <h2 id="invalid-targets" className="mb-2 text-sm font-semibold">
            {t("linesLeftOut", { count: plan.invalid.length })}
          </h2>
          <ul className="flex max-h-48 flex-col gap-1 overflow-y-auto text-sm">
            {plan.invalid.map((l) => (
              <li key={l.input}>
                <code className="font-mono text-xs break-all">{l.input}</code>
                <span className="text-muted-foreground"> — {say(l.reason)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
