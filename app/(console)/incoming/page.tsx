import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { inboxQuery } from "@/lib/inbox/list";
import { InboxFilters } from "./_components/inbox-filters";
import { InboxTable } from "./_components/inbox-table";

export const metadata: Metadata = { title: "Incoming" };

export default async function IncomingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = inboxQuery.parse(await searchParams);
  return (
    <>
      <PageHeader title="Incoming" description="Images other projects and accounts have shared with this project. Accept an image to use it; reject it to set it aside." />
      <InboxFilters query={query} />
      <Suspense key={JSON.stringify(query)} fallback={<TableSkeleton label="Loading shared images" />}>
        <InboxTable query={query} />
      </Suspense>
    </>
  );
}
