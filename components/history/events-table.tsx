import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { DateTime } from "@/components/date-time";
import { TargetId } from "@/components/target-id";
import { Badge } from "@/components/ui/badge";
import { VERDICTS, type Verdict } from "@/lib/policy/evaluate";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { HistoryEvent } from "@/lib/audit/read";
import { formatWhen } from "@/lib/i18n/format";
import { actionLabeller } from "./action-label";
import { Outcome, SourceBadge } from "./outcome";

const short = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);

/** A few ids, named where a name is known, shortened (full id on hover and copy), each linking where `href` says; the rest counted. */
function Ids({ ids, href, shown = 2 }: { ids: string[]; href?: (id: string) => string; shown?: number }) {
  const t = useTranslations("history.table");
  if (ids.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="flex flex-col gap-0.5 text-xs">
      {ids.slice(0, shown).map((id) => (
        <TargetId key={id} id={id} href={href?.(id)} compact />
      ))}
      {ids.length > shown && <span className="text-muted-foreground">{t("more", { count: ids.length - shown })}</span>}
    </span>
  );
}

/**
 * The events as a table, newest first: History, the image page and the batch page all use it.
 * `detailHref` opens an event's drawer; `imageHref`/`targetHref` turn ids into filter links.
 */
/**
 * What the sharing policy in audit mode would have needed for a change it let through (the verdicts the
 * share or launch recorded beside its input), when that was more than "allowed".
 */
function wouldBe(input: unknown): Exclude<Verdict, "allowed"> | undefined {
  const policy = (input as { policy?: { mode?: string; needs?: string } } | null)?.policy;
  if (policy?.mode !== "audit") return undefined;
  const needs = VERDICTS.find((v) => v === policy.needs);
  return needs && needs !== "allowed" ? needs : undefined;
}

export function EventsTable({
  events,
  label,
  detailHref,
  imageHref,
  targetHref,
  empty,
  footer,
  outsidePolicy,
}: {
  events: HistoryEvent[];
  /** Shares imported from CTS that the sharing policy would not have allowed. */
  outsidePolicy?: ReadonlySet<string>;
  label: string;
  detailHref: (id: string) => string;
  imageHref?: (id: string) => string;
  targetHref?: (id: string) => string;
  empty?: ReactNode;
  footer?: ReactNode;
}) {
  const t = useTranslations("history.table");
  const tp = useTranslations("policy");
  const format = useFormatter();
  const actionLabel = actionLabeller(useTranslations("history.actions"));
  return (
    <div className="flex flex-col gap-3">
      <Table aria-label={label}>
        <THead>
          <tr>
            <TH>{t("when")}</TH>
            <TH className="whitespace-nowrap">{t("who")}</TH>
            <TH>{t("action")}</TH>
            <TH>{t("images")}</TH>
            <TH>{t("targets")}</TH>
            <TH>{t("outcome")}</TH>
            <TH>{t("requestJob")}</TH>
            <TH>{t("source")}</TH>
            <TH>
              <span className="sr-only">{t("details")}</span>
            </TH>
          </tr>
        </THead>
        <tbody>
          {events.length === 0 && (
            <tr>
              <td colSpan={9} className="p-8 text-center text-muted-foreground">
                {empty ?? t("empty")}
              </td>
            </tr>
          )}
          {events.map((e) => (
            <TR key={e.id}>
              <TD label={t("when")} className="text-xs tabular-nums">
                <DateTime value={e.occurredAt} relative />
              </TD>
              <TD label={t("who")} translate="no">
                <div>{e.userName}</div>
                <div className="text-xs text-muted-foreground">{e.accountName}</div>
              </TD>
              <TD label={t("action")} className="font-medium whitespace-nowrap">
                {actionLabel(e.action)}
              </TD>
              <TD label={t("images")}>
                <Ids ids={e.images} href={imageHref} />
              </TD>
              <TD label={t("targets")}>
                <Ids ids={e.targets} href={targetHref} />
              </TD>
              <TD label={t("outcome")} className="max-w-72">
                <Outcome event={e} />
                {wouldBe(e.input) && (
                  <Badge tone="neutral" className="mt-1 w-fit whitespace-nowrap">
                    {tp("wouldBe", { verdict: tp(`verdicts.${wouldBe(e.input)!}`) })}
                  </Badge>
                )}
                {outsidePolicy?.has(e.id) && (
                  <Badge tone="warning" className="mt-1 w-fit whitespace-nowrap">
                    {t("outsidePolicy")}
                  </Badge>
                )}
              </TD>
              <TD label={t("requestJob")} className="max-w-40">
                <div translate="no" className="flex flex-col gap-0.5 font-mono text-xs">
                  {e.requestId && (
                    <span title={t("request", { id: e.requestId })} className="truncate">
                      {short(e.requestId)}
                    </span>
                  )}
                  {e.jobId && (
                    <span title={t("job", { id: e.jobId })} className="truncate text-muted-foreground">
                      {short(e.jobId)}
                    </span>
                  )}
                  {!e.requestId && !e.jobId && <span className="text-muted-foreground">—</span>}
                </div>
              </TD>
              <TD label={t("source")}>
                <SourceBadge source={e.source} />
              </TD>
              <TD className="text-right">
                <Link
                  href={detailHref(e.id)}
                  scroll={false}
                  className="text-xs font-medium whitespace-nowrap text-primary hover:underline"
                  aria-label={t("detailsOf", { action: actionLabel(e.action), when: formatWhen(format, e.occurredAt) })}
                >
                  {t("details")}
                </Link>
              </TD>
            </TR>
          ))}
        </tbody>
      </Table>
      {footer}
    </div>
  );
}
