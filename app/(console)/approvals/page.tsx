import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { dataTag } from "@/components/data-text";
import { EmptyState } from "@/components/empty-state";
import { FilterNote } from "@/components/filter-note";
import { PageHeader } from "@/components/page-header";
import { VERDICT_TONE } from "@/components/sharing/policy-verdict";
import { TargetId } from "@/components/target-id";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { canChange, requireSession } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import { getDb } from "@/lib/db";
import { formatWhen } from "@/lib/i18n/format";
import { listRequests, pendingFor, type ApprovalRequest } from "@/lib/policy/approvals";
import { DecideRequest, WithdrawRequest } from "./_components/decide";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("approvals"))("title") };
}

const STATUS_TONE = {
  pending: "info",
  approved: "success",
  declined: "danger",
  withdrawn: "neutral",
  expired: "neutral",
} as const;

/** `?status=pending`: only the requests still waiting for a decision, as the overview counts them. */
const listQuery = z.object({ status: z.enum(["pending"]).optional().catch(undefined) });

/** Requests for approval of the account: those waiting for this admin, their own, and the decided ones. */
export default async function ApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession();
  const t = await getTranslations("approvals");
  const { status } = listQuery.parse(await searchParams);
  const requests = await listRequests(await getDb(), session.accountId);
  const { waiting, yours } = pendingFor(requests, session.userId);
  const decided = requests.filter((r) => r.status !== "pending");
  const section = async (title: string, list: ApprovalRequest[], empty: string) => (
    <section aria-label={title} className="flex flex-col gap-3">
      <h2 className="text-base font-semibold">{title}</h2>
      {list.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        await Promise.all(list.map((r) => <RequestCard key={r.id} request={r} session={session} />))
      )}
    </section>
  );
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t.rich("description", { account: session.accountName, name: dataTag })}
      />
      {!canChange(session) && <p className="text-sm text-muted-foreground">{t("readOnly")}</p>}
      {status && (
        <FilterNote href="/approvals" linkLabel={t("pendingOnly.showDecided")}>
          {t("pendingOnly.note")}
        </FilterNote>
      )}
      {await section(t("waiting"), waiting, t("none"))}
      {await section(t("yours"), yours, t("noneYours"))}
      {!status && (await section(t("decided"), decided, t("noneDecided")))}
    </div>
  );
}

async function RequestCard({ request: r, session }: { request: ApprovalRequest; session: StoredSession }) {
  const t = await getTranslations("approvals");
  const tp = await getTranslations("policy");
  const format = await getFormatter();
  const mine = r.requestedById === session.userId;
  return (
    <Card data-testid={`request-${r.id}`}>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle className="text-sm">
          {r.plan.renewal
            ? t.rich("asksRenewal", {
                user: r.requestedByName,
                image: r.plan.pairs[0]?.imageName ?? "",
                name: dataTag,
              })
            : t.rich("asks", {
                user: r.requestedByName,
                project: r.projectName,
                pairs: r.plan.pairs.length,
                name: dataTag,
              })}
        </CardTitle>
        <Badge tone={STATUS_TONE[r.status]}>{t("status", { status: r.status })}</Badge>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        <p className="text-xs text-muted-foreground">
          {t("requested", { when: formatWhen(format, r.requestedAt) })}
          {r.status === "pending" && ` · ${t("expires", { when: formatWhen(format, r.expiresAt) })}`}
        </p>
        {r.plan.renewal && (
          <p data-testid="renewal-dates">
            {t("renewalDates", {
              now: formatWhen(format, r.plan.renewal.endsAt),
              until: formatWhen(format, r.plan.renewal.until),
            })}
          </p>
        )}
        {r.reason && (
          <p>
            {t.rich("reason", {
              reason: r.reason,
              b: (chunks) => <span className="font-medium">{chunks}</span>,
              // The requester's own words, in whatever language they wrote them.
              said: (chunks) => <span translate="no">{chunks}</span>,
            })}
          </p>
        )}
        <Table className="table-fixed">
          <THead>
            <tr>
              <TH>{t("image")}</TH>
              <TH>{t("target")}</TH>
              <TH className="w-40">{t("verdict")}</TH>
            </tr>
          </THead>
          <tbody>
            {r.plan.pairs.map((p) => (
              <TR key={`${p.image} ${p.target}`}>
                <TD className="truncate" title={p.image}>
                  {p.imageName}
                </TD>
                <TD>
                  <TargetId id={p.target} className="w-full" />
                </TD>
                <TD>{p.verdict ? <Badge tone={VERDICT_TONE[p.verdict]}>{tp(`verdicts.${p.verdict}`)}</Badge> : "—"}</TD>
              </TR>
            ))}
          </tbody>
        </Table>
        {r.decidedByName && r.decidedAt && (
          <p className="text-muted-foreground">
            {t.rich("decidedBy", {
              status: r.status,
              user: r.decidedByName,
              when: formatWhen(format, r.decidedAt),
              name: dataTag,
            })}
            {r.decisionNote && `: ${r.decisionNote}`}
          </p>
        )}
        {r.batchId && (
          <Link href={`/batches/${r.batchId}`} className="w-fit text-primary hover:underline">
            {t("openBatch")}
          </Link>
        )}
        {r.status === "pending" &&
          canChange(session) &&
          (mine ? <WithdrawRequest id={r.id} /> : <DecideRequest id={r.id} renewal={Boolean(r.plan.renewal)} />)}
        {r.status === "pending" && mine && <p className="text-xs text-muted-foreground">{t("own")}</p>}
      </CardContent>
    </Card>
  );
}
