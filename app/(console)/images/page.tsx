import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { imageListQuery } from "@/lib/sharing/image-page";
import { ImageFilters } from "./_components/filters";
import { ImageQuota } from "./_components/image-quota";
import { ImagesTable } from "./_components/images-table";

export const metadata: Metadata = { title: "Images" };

export default async function ImagesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = imageListQuery.parse(await searchParams);
  return (
    <>
      <PageHeader
        title="Images"
        description="Private IMS images owned by this project, with their members, member quota, and whether each can be shared and why not."
        actions={
          <Suspense fallback={null}>
            <ImageQuota />
          </Suspense>
        }
      />
      <ImageFilters query={query} />
      <Suspense key={JSON.stringify(query)} fallback={<TableSkeleton label="Loading images" />}>
        <ImagesTable query={query} />
      </Suspense>
    </>
  );
}
