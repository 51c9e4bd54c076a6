"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { When } from "@/components/date-time";
import { FilterNote } from "@/components/filter-note";
import { TargetId } from "@/components/target-id";
import { useText } from "@/components/use-text";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { WatchView } from "@/lib/manifest/watches";
import { checkManifestAction, unwatchManifestAction } from "../actions";

const TONE = { new: "neutral", ok: "success", drift: "danger", waiting: "warning", failed: "danger" } as const;

/**
 * The project's watched manifests: whether each matches the cloud, when it was last compared, and what
 * drifted, pair by pair, with who last changed the pair (the history's actor and source). With
 * `driftOnly`, the page was asked for the drifted ones alone (`?watches=drift`) and says so.
 */
export function WatchList({
  watches,
  canChange,
  driftOnly = false,
}: {
  watches: WatchView[];
  canChange: boolean;
  driftOnly?: boolean;
}) {
  const t = useTranslations("drift.page");
  return (
    <section aria-labelledby="watched-heading" className="flex flex-col gap-3">
      <h2 id="watched-heading" className="font-medium">
        {t("watched")}
      </h2>
      {driftOnly && (
        <FilterNote href="/manifests" linkLabel={t("driftOnly.showAll")}>
          {t("driftOnly.note")}
        </FilterNote>
      )}
      {watches.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border bg-card p-6 text-center text-sm text-muted-foreground">
          {driftOnly ? t("driftOnly.none") : t("noWatches")}
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {watches.map((w) => (
            <WatchItem key={w.id} watch={w} canChange={canChange} driftOnly={driftOnly} />
          ))}
        </ul>
      )}
    </section>
  );
}

function WatchItem({ watch, canChange, driftOnly }: { watch: WatchView; canChange: boolean; driftOnly: boolean }) {
  const t = useTranslations("drift.page");
  const th = useTranslations("history.outcome");
  const say = useText();
  const [busy, start] = useTransition();
  const [error, setError] = useState<string | undefined>();
  const act = (call: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    start(async () => {
      const r = await call();
      setError(r.ok ? undefined : r.error?.message);
    });
  const source = (s: string) => (th.has(s as "cts") ? th(s as "cts") : s);
  return (
    <li className="rounded-lg border border-border bg-card p-4" data-testid={`watch-${watch.name}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{watch.name}</span>
          <Badge tone={TONE[watch.status]}>{t(`watchStatus.${watch.status}`, { count: watch.driftCount })}</Badge>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href={`/manifests?${driftOnly ? "watches=drift&" : ""}watch=${watch.id}`}>{t("open")}</Link>
          </Button>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={busy}
            onClick={() => act(() => checkManifestAction(null, { id: watch.id }))}
          >
            {busy ? t("checking") : t("checkNow")}
          </Button>
          {canChange && (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              disabled={busy}
              onClick={() => act(() => unwatchManifestAction(null, { id: watch.id }))}
            >
              {t("unwatch")}
            </Button>
          )}
        </div>
      </div>
      <p className="mt-1 text-xs text-muted-foreground">
        {t("savedBy", { user: watch.savedBy })}
        {" · "}
        {watch.checkedAt ? (
          <>
            {t("checkedAt")} <When value={watch.checkedAt} />
          </>
        ) : (
          t("neverChecked")
        )}
      </p>
      {watch.statusText && <p className="mt-2 text-sm">{say(watch.statusText)}</p>}
      {error && (
        <Alert tone="error" className="mt-2">
          {error}
        </Alert>
      )}
      {watch.drift.length > 0 && (
        <ul className="mt-3 flex flex-col gap-1 text-sm" aria-label={t("driftLabel", { name: watch.name })}>
          {watch.drift.map((d) => (
            <li key={`${d.action}${d.image}${d.target.value}`} className="flex flex-wrap items-center gap-2">
              <Badge tone={d.action === "add" ? "warning" : "danger"}>{t(`drift.${d.action}`)}</Badge>
              <a className="text-primary underline-offset-4 hover:underline" href={`/images/${d.image}`}>
                {d.imageName}
              </a>
              <TargetId id={d.target.value} compact oneLine />
              <span className="text-xs text-muted-foreground">
                {d.changedBy
                  ? t("changedBy", { user: d.changedBy.user, source: source(d.changedBy.source) })
                  : t("changedUnknown")}
                {d.changedBy && (
                  <>
                    {" "}
                    <When value={d.changedBy.at} />
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
