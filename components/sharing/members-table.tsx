"use client";

import { Trash2 } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { dataTag } from "@/components/data-text";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { SelectableTable } from "@/components/selection";
import { TargetId, useNames } from "@/components/target-id";
import { useSelection } from "@/components/use-selection";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TD, TH } from "@/components/ui/table";
import { formatAge } from "@/lib/i18n/format";
import type { ImageService } from "@/lib/sharing/pairs";
import type { LeaseAction, UnshareAction } from "./types";
import { LeaseDialog, type LeaseMember } from "./lease-dialog";
import { CalendarClock } from "lucide-react";
import { UnshareDialog, type UnshareMember } from "./unshare-dialog";

/** A member of an image as either service reports it; `kind` and `status` only where the service has them. */
export interface MemberRow {
  id: string;
  /** A project of the user's own account, or the account itself; other accounts' names are not readable. */
  name?: string;
  kind?: "project" | "domain" | "organization";
  /** An organization's URN. */
  urn?: string;
  status?: "pending" | "accepted" | "rejected";
  /** An ISO string (IMS) or epoch milliseconds (CPH). */
  sharedAt: string | number;
  updatedAt: string | number;
  /** Its end date (lib/sharing/leases), who set it, and why it is not ended yet when it is past. */
  lease?: { endsAt: number; setBy: string; note?: string };
}

export type MemberColumn = "type" | "status";

const STATUS_TONE = { pending: "warning", accepted: "success", rejected: "neutral" } as const;

const unshareMember = (m: MemberRow): UnshareMember => ({ id: m.id, name: m.name ?? m.urn, status: m.status });

/** The address book's name wins over the page's (an own project's IAM name), then the URN. */
const withName = (names: Record<string, string>) => (m: MemberRow) => ({ ...m, name: names[m.id] ?? m.name });

/** The members of one image, with remove one, remove selected and remove all for users who may change them. */
export function MembersTable({
  service,
  image,
  members: given,
  columns = [],
  memberHeading,
  canChange,
  unshare,
  lease,
  empty,
}: {
  service: ImageService;
  image: { id: string; name: string };
  members: MemberRow[];
  columns?: readonly MemberColumn[];
  memberHeading?: string;
  canChange: boolean;
  unshare: UnshareAction;
  /** Gives members end dates; absent, the table shows no end dates. */
  lease?: LeaseAction;
  /** What an image without members shows instead of the table. */
  empty: { title: string; hint?: string };
}) {
  const t = useTranslations("sharing.members");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 }).getTime();
  const words = useTranslations("common.time");
  const heading = memberHeading ?? t("member");
  const members = given.map(withName(useNames()));
  const selection = useSelection();
  const chosen = members.filter((m) => selection.has(m.id));
  const show = (c: MemberColumn) => columns.includes(c);
  const dialog = { service, image, action: unshare };
  const leaseMember = (m: MemberRow): LeaseMember => ({ id: m.id, name: m.name ?? m.urn, endsAt: m.lease?.endsAt });

  if (members.length === 0) {
    return <EmptyState title={empty.title} hint={empty.hint} />;
  }

  return (
    <div className="flex flex-col gap-3">
      {canChange && (
        <div className="flex flex-wrap items-center gap-2">
          <UnshareDialog
            {...dialog}
            members={chosen.map(unshareMember)}
            onDone={selection.clear}
            trigger={
              <Button variant="secondary" size="sm" disabled={chosen.length === 0}>
                <Trash2 aria-hidden />
                {t("removeSelected", { count: chosen.length })}
              </Button>
            }
          />
          <UnshareDialog
            {...dialog}
            members={members.map(unshareMember)}
            onDone={selection.clear}
            all
            trigger={
              <Button variant="destructive" size="sm">
                {t("removeAll")}
              </Button>
            }
          />
          {lease && (
            <LeaseDialog
              image={image}
              members={chosen.map(leaseMember)}
              action={lease}
              onDone={selection.clear}
              trigger={
                <Button variant="secondary" size="sm" disabled={chosen.length === 0}>
                  <CalendarClock aria-hidden />
                  {t("endDateSelected", { count: chosen.length })}
                </Button>
              }
            />
          )}
        </div>
      )}
      <SelectableTable
        rows={members}
        selection={selection}
        canChange={canChange}
        caption={t("caption", { image: image.name })}
        selectAllLabel={t("selectAll")}
        rowLabel={(m) => m.id}
        head={
          <>
            <TH>{heading}</TH>
            {show("type") && <TH>{t("type")}</TH>}
            {show("status") && <TH>{t("status")}</TH>}
            {lease && <TH>{t("ends")}</TH>}
            <TH>{t("shared")}</TH>
            <TH>{t("updated")}</TH>
          </>
        }
        cells={(m) => (
          <>
            <TD label={heading}>
              <TargetId id={m.id} name={m.name ?? m.urn} />
              {!m.name && !m.urn && canChange && (
                <a href={`/names?id=${encodeURIComponent(m.id)}`} className="ml-1 text-xs text-primary hover:underline">
                  {t("nameIt")}
                </a>
              )}
            </TD>
            {show("type") && <TD label={t("type")}>{m.kind ? t(`kind.${m.kind}`) : "—"}</TD>}
            {show("status") && (
              <TD label={t("status")} className="whitespace-nowrap">
                {m.status ? <Badge tone={STATUS_TONE[m.status]}>{t(`memberStatus.${m.status}`)}</Badge> : "—"}
                {m.status === "pending" && (
                  <div className="mt-0.5 text-xs text-muted-foreground">
                    {t("pendingFor", { age: formatAge(format, words, m.sharedAt) })}
                  </div>
                )}
              </TD>
            )}
            {lease && (
              <TD label={t("ends")}>
                {m.lease ? (
                  <div className="flex flex-col">
                    <DateTime value={m.lease.endsAt} />
                    <span className="text-xs text-muted-foreground">
                      {m.lease.endsAt > now
                        ? t("endsIn", { when: format.relativeTime(m.lease.endsAt, now) })
                        : t("endsDue")}
                      {" · "}
                      {t.rich("setBy", { user: m.lease.setBy, name: dataTag })}
                    </span>
                    {m.lease.note && <span className="text-xs text-warning">{m.lease.note}</span>}
                  </div>
                ) : (
                  <span className="text-muted-foreground">{t("noEnd")}</span>
                )}
              </TD>
            )}
            <TD label={t("shared")}>
              <DateTime value={m.sharedAt} />
            </TD>
            <TD label={t("updated")}>
              <DateTime value={m.updatedAt} />
            </TD>
          </>
        )}
        actions={(m) => (
          <>
            {lease && (
              <LeaseDialog
                image={image}
                members={[leaseMember(m)]}
                action={lease}
                trigger={
                  <Button variant="ghost" size="sm" aria-label={t("endDateOne", { id: m.id })}>
                    {t("endDate")}
                  </Button>
                }
              />
            )}
            <UnshareDialog
              {...dialog}
              members={[unshareMember(m)]}
              onDone={() => selection.toggle(m.id, false)}
              trigger={
                <Button variant="ghost" size="sm" aria-label={t("removeOne", { id: m.id })}>
                  {t("remove")}
                </Button>
              }
            />
          </>
        )}
      />
    </div>
  );
}
