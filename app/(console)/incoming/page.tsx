import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { canChange, requireSession } from "@/lib/auth/session";
import { inboxQuery } from "@/lib/inbox/list";
import { InboxFilters } from "./_components/inbox-filters";
import { InboxTable } from "./_components/inbox-table";
import { PhoneInbox } from "./_components/phone-inbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incoming");
  return { title: t("title") };
}

export default async function IncomingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = inboxQuery.parse(await searchParams);
  const session = await requireSession();
  const t = await getTranslations("incoming");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <InboxFilters query={query} />
      <Suspense key={JSON.stringify(query)} fallback={<TableSkeleton label={t("loadingImages")} />}>
        <InboxTable query={query} />
      </Suspense>
      <div className="mt-10">
        <Suspense fallback={<TableSkeleton rows={2} label={t("loadingPhone")} />}>
          <PhoneInbox canChange={canChange(session)} />
        </Suspense>
      </div>
    </>
  );
}
