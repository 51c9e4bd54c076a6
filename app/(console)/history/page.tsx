import { Download } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { historyHref } from "@/components/history/links";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { actionLabel, cursorSchema, filterParams, historyFilterSchema } from "@/lib/audit/filter";
import { getEvent } from "@/lib/audit/read";
import { requireSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { resolveHistoryFilter } from "@/lib/names/history";
import { imagesNamed, requestNames } from "@/lib/names/server";
import { Activity } from "./_components/activity";
import { CtsImportPanel } from "./_components/cts-import-panel";
import { EventDetail } from "./_components/event-detail";
import { EventDrawer } from "./_components/event-drawer";
import { HistoryFilters } from "./_components/filters";
import { HistoryList } from "./_components/history-list";
import { VerifyButton } from "./_components/verify-button";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession();
  const params = await searchParams;
  const filter = historyFilterSchema.parse(params);
  const before = cursorSchema.parse(params.before);
  const scope = { accountId: session.accountId, projectId: session.projectId };
  const eventId = typeof params.event === "string" ? params.event : undefined;
  const event = eventId ? await getEvent(await getDb(), eventId, scope) : undefined;
  if (eventId && !event) notFound();
  // A name or part of an id typed in the image or member filter stands for the ids it matches.
  const resolved = await resolveHistoryFilter(await getDb(), scope, filter, await requestNames(), (name) =>
    imagesNamed(session, name),
  );

  const exportParams = filterParams(filter);
  exportParams.set("account", scope.accountId);
  exportParams.set("project", scope.projectId);
  const exportHref = (format: string) => `/api/history/export?format=${format}&${exportParams}`;
  const key = JSON.stringify({ filter, before });

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="History"
        description={`Every change made in ${session.accountName} / ${session.projectName}, newest first: through this console, and sharing done elsewhere read from CTS.`}
        actions={<VerifyButton />}
      />
      <CtsImportPanel accountId={scope.accountId} projectId={scope.projectId} />
      <HistoryFilters filter={filter} resolved={resolved.refsAnyOf} />
      <Suspense key={`chart-${key}`} fallback={<Skeleton className="h-40 w-full" />}>
        <Activity scope={scope} filter={resolved} />
      </Suspense>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <span className="mr-auto text-xs text-muted-foreground">
          Exports hold every event of this filter, not only this page.
        </span>
        <Button asChild variant="secondary" size="sm">
          <a href={exportHref("csv")} download>
            <Download aria-hidden />
            Export CSV
          </a>
        </Button>
        <Button asChild variant="secondary" size="sm">
          <a href={exportHref("json")} download>
            <Download aria-hidden />
            Export JSON
          </a>
        </Button>
      </div>
      <Suspense key={key} fallback={<TableSkeleton label="Loading events" />}>
        <HistoryList scope={scope} filter={resolved} before={before} />
      </Suspense>
      {event && (
        <EventDrawer
          title={`${actionLabel(event.action)} by ${event.userName}`}
          description={formatDate(event.occurredAt)}
          closeHref={historyHref(filter, { before })}
        >
          <EventDetail event={event} />
        </EventDrawer>
      )}
    </div>
  );
}
