import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { canChange, requireSession } from "@/lib/auth/session";
import { inboxQuery } from "@/lib/inbox/list";
import { InboxFilters } from "./_components/inbox-filters";
import { InboxTable } from "./_components/inbox-table";
import { PhoneInbox } from "./_components/phone-inbox";

export const metadata: Metadata = { title: "Incoming" };

export default async function IncomingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = inboxQuery.parse(await searchParams);
  const session = await requireSession();
  return (
    <>
      <PageHeader
        title="Incoming"
        description="Images other projects and accounts have shared with this project. Accept an image to use it; reject it to set it aside."
      />
      <InboxFilters query={query} />
      <Suspense key={JSON.stringify(query)} fallback={<TableSkeleton label="Loading shared images" />}>
        <InboxTable query={query} />
      </Suspense>
      <div className="mt-10">
        <Suspense fallback={<TableSkeleton rows={2} label="Loading shared phone images" />}>
          <PhoneInbox canChange={canChange(session)} />
        </Suspense>
      </div>
    </>
  );
}
