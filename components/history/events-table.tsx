import Link from "next/link";
import type { ReactNode } from "react";
import { DateTime } from "@/components/date-time";
import { TargetId } from "@/components/target-id";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { actionLabel } from "@/lib/audit/filter";
import type { HistoryEvent } from "@/lib/audit/read";
import { formatDate } from "@/lib/format";
import { Outcome, SourceBadge } from "./outcome";

const short = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);

/** A few ids, named where a name is known, shortened (full id on hover and copy), each linking where `href` says; the rest counted. */
function Ids({ ids, href, shown = 2 }: { ids: string[]; href?: (id: string) => string; shown?: number }) {
  if (ids.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="flex flex-col gap-0.5 text-xs">
      {ids.slice(0, shown).map((id) => (
        <TargetId key={id} id={id} href={href?.(id)} compact />
      ))}
      {ids.length > shown && <span className="text-muted-foreground">+{ids.length - shown} more</span>}
    </span>
  );
}

/**
 * The events as a table, newest first: History, the image page and the batch page all use it.
 * `detailHref` opens an event's drawer; `imageHref`/`targetHref` turn ids into filter links.
 */
export function EventsTable({
  events,
  label,
  detailHref,
  imageHref,
  targetHref,
  empty = "No events match.",
  footer,
}: {
  events: HistoryEvent[];
  label: string;
  detailHref: (id: string) => string;
  imageHref?: (id: string) => string;
  targetHref?: (id: string) => string;
  empty?: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-3">
      <Table aria-label={label}>
        <THead>
          <tr>
            <TH>When</TH>
            <TH>Who</TH>
            <TH>Action</TH>
            <TH>Images</TH>
            <TH>Targets</TH>
            <TH>Outcome</TH>
            <TH>Request / job</TH>
            <TH>Source</TH>
            <TH>
              <span className="sr-only">Details</span>
            </TH>
          </tr>
        </THead>
        <tbody>
          {events.length === 0 && (
            <tr>
              <td colSpan={9} className="p-8 text-center text-muted-foreground">
                {empty}
              </td>
            </tr>
          )}
          {events.map((e) => (
            <TR key={e.id}>
              <TD label="When" className="text-xs tabular-nums">
                <DateTime value={e.occurredAt} relative />
              </TD>
              <TD label="Who">
                <div>{e.userName}</div>
                <div className="text-xs text-muted-foreground">{e.accountName}</div>
              </TD>
              <TD label="Action" className="font-medium whitespace-nowrap">
                {actionLabel(e.action)}
              </TD>
              <TD label="Images">
                <Ids ids={e.images} href={imageHref} />
              </TD>
              <TD label="Targets">
                <Ids ids={e.targets} href={targetHref} />
              </TD>
              <TD label="Outcome" className="max-w-72">
                <Outcome event={e} />
              </TD>
              <TD label="Request / job" className="max-w-40">
                <div className="flex flex-col gap-0.5 font-mono text-xs">
                  {e.requestId && (
                    <span title={`Request ${e.requestId}`} className="truncate">
                      {short(e.requestId)}
                    </span>
                  )}
                  {e.jobId && (
                    <span title={`Job ${e.jobId}`} className="truncate text-muted-foreground">
                      {short(e.jobId)}
                    </span>
                  )}
                  {!e.requestId && !e.jobId && <span className="text-muted-foreground">—</span>}
                </div>
              </TD>
              <TD label="Source">
                <SourceBadge source={e.source} />
              </TD>
              <TD className="text-right">
                <Link
                  href={detailHref(e.id)}
                  scroll={false}
                  className="text-xs font-medium text-primary hover:underline"
                  aria-label={`Details of ${actionLabel(e.action)} at ${formatDate(e.occurredAt)}`}
                >
                  Details
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
