import { Download } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { dataTag } from "@/components/data-text";
import { When } from "@/components/date-time";
import { actionLabeller } from "@/components/history/action-label";
import { historyHref } from "@/components/history/links";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cursorSchema, filterParams, historyFilterSchema } from "@/lib/audit/filter";
import { getEvent } from "@/lib/audit/read";
import { requireSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { resolveHistoryFilter } from "@/lib/names/history";
import { imagesNamed, requestNames } from "@/lib/names/server";
import { Activity } from "./_components/activity";
import { CtsImportPanel } from "./_components/cts-import-panel";
import { EventDetail } from "./_components/event-detail";
import { EventDrawer } from "./_components/event-drawer";
import { HistoryFilters } from "./_components/filters";
import { HistoryList } from "./_components/history-list";
import { VerifyButton } from "./_components/verify-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("history"))("title") };
}

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession();
  const t = await getTranslations("history");
  const actionLabel = actionLabeller(await getTranslations("history.actions"));
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
        title={t("title")}
        description={t.rich("description", {
          account: session.accountName,
          project: session.projectName,
          name: dataTag,
        })}
        actions={<VerifyButton />}
      />
      <CtsImportPanel accountId={scope.accountId} projectId={scope.projectId} />
      <HistoryFilters filter={filter} resolved={resolved.refsAnyOf} />
      <Suspense key={`chart-${key}`} fallback={<Skeleton className="h-40 w-full" />}>
        <Activity scope={scope} filter={resolved} />
      </Suspense>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <span className="mr-auto text-xs text-muted-foreground">{t("exportsNote")}</span>
        <Button asChild variant="secondary" size="sm">
          <a href={exportHref("csv")} download>
            <Download aria-hidden />
            {t("exportCsv")}
          </a>
        </Button>
        <Button asChild variant="secondary" size="sm">
          <a href={exportHref("json")} download>
            <Download aria-hidden />
            {t("exportJson")}
          </a>
        </Button>
      </div>
      <Suspense key={key} fallback={<TableSkeleton label={t("loadingEvents")} />}>
        <HistoryList scope={scope} filter={resolved} before={before} />
      </Suspense>
      {event && (
        <EventDrawer
          title={t.rich("drawerTitle", { action: actionLabel(event.action), user: event.userName, name: dataTag })}
          description={<When value={event.occurredAt} />}
          closeHref={historyHref(filter, { before })}
        >
          <EventDetail event={event} />
        </EventDrawer>
      )}
    </div>
  );
}
