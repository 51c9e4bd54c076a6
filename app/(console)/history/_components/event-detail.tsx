import { useFormatter, useTranslations } from "next-intl";
import { actionLabeller } from "@/components/history/action-label";
import { Outcome, SourceBadge, useOutcomeLabel } from "@/components/history/outcome";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { HistoryEvent } from "@/lib/audit/read";
import { formatUtc } from "@/lib/format";
import { formatWhen } from "@/lib/i18n/format";

const TONE = { succeeded: "success", failed: "danger", skipped: "neutral" } as const;

/** Every field of one event, its pairs and its place in the chain. */
export function EventDetail({ event: e }: { event: HistoryEvent }) {
  const t = useTranslations("history.detail");
  const format = useFormatter();
  const outcomeLabel = useOutcomeLabel();
  const actionLabel = actionLabeller(useTranslations("history.actions"));
  // "id": an id in monospace; "data": names the cloud gave (user, account, project, region). Neither is translated.
  const facts: [string, React.ReactNode, ("id" | "data")?][] = [
    [t("when"), `${formatWhen(format, e.occurredAt)} (${formatUtc(e.occurredAt)})`],
    [t("action"), actionLabel(e.action)],
    [t("outcome"), <Outcome key="o" event={e} />],
    [t("source"), <SourceBadge key="s" source={e.source} />],
    [t("user"), `${e.userName} (${e.userId})`, "data"],
    [t("account"), `${e.accountName} (${e.accountId})`, "data"],
    [t("project"), `${e.projectName} (${e.projectId})`, "data"],
    [t("region"), e.region, "data"],
    [t("duration"), t("durationMs", { ms: e.durationMs })],
    [t("requestId"), e.requestId ?? "—", "id"],
    [t("jobId"), e.jobId ?? "—", "id"],
    [t("traceId"), e.externalId ?? "—", "id"],
    [t("eventId"), e.id, "id"],
    [t("sequence"), `#${e.seq}`],
  ];
  return (
    <div className="flex flex-col gap-5 text-sm">
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2">
        {facts.map(([k, v, kind]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd
              translate={kind ? "no" : undefined}
              className={kind === "id" ? "font-mono text-xs break-all" : "min-w-0"}
            >
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <section className="flex flex-col gap-2">
        <h3 className="font-medium">{t("imagesAndTargets", { images: e.images.length, targets: e.targets.length })}</h3>
        <div className="grid grid-cols-2 gap-4 font-mono text-xs">
          {[e.images, e.targets].map((ids, i) => (
            <ul key={i} aria-label={i ? t("targets") : t("images")} className="flex flex-col gap-0.5">
              {ids.length ? (
                ids.map((id) => (
                  <li key={id} translate="no" className="break-all">
                    {id}
                  </li>
                ))
              ) : (
                <li className="font-sans text-muted-foreground">{t("none")}</li>
              )}
            </ul>
          ))}
        </div>
      </section>
      <section className="flex flex-col gap-2">
        <h3 className="font-medium">{t("pairs", { count: e.pairs.length })}</h3>
        {e.pairs.length ? (
          <Table aria-label={t("pairsLabel")}>
            <THead>
              <tr>
                <TH>{t("image")}</TH>
                <TH>{t("target")}</TH>
                <TH>{t("outcome")}</TH>
                <TH>{t("code")}</TH>
              </tr>
            </THead>
            <tbody>
              {e.pairs.map((p, i) => (
                <TR key={i}>
                  <TD translate="no" className="font-mono text-xs break-all">
                    {p.image}
                  </TD>
                  <TD translate="no" className="font-mono text-xs break-all">
                    {p.target}
                  </TD>
                  <TD>
                    <Badge tone={TONE[p.outcome] ?? "neutral"}>{outcomeLabel(p.outcome)}</Badge>
                  </TD>
                  <TD className="font-mono text-xs">{p.code ?? ""}</TD>
                </TR>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-muted-foreground">{t("noPairs")}</p>
        )}
      </section>
      <section className="flex flex-col gap-2">
        <h3 className="font-medium">{t("input")}</h3>
        <pre className="max-h-64 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">
          {JSON.stringify(e.input, null, 2)}
        </pre>
      </section>
      <section className="flex flex-col gap-1">
        <h3 className="font-medium">{t("chain")}</h3>
        <p className="text-xs text-muted-foreground">{t("chainNote")}</p>
        <dl className="grid grid-cols-[6rem_1fr] gap-x-4 gap-y-1 font-mono text-xs">
          <dt className="font-sans text-muted-foreground">{t("previous")}</dt>
          <dd className="break-all">{e.prevHash ?? "—"}</dd>
          <dt className="font-sans text-muted-foreground">{t("hash")}</dt>
          <dd className="break-all">{e.hash ?? "—"}</dd>
        </dl>
      </section>
    </div>
  );
}
