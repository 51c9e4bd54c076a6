import type { Metadata } from "next";
import { Suspense } from "react";
import { z } from "zod";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { ImagesTable } from "./_components/images-table";

export const metadata: Metadata = { title: "Images" };

const searchSchema = z.object({
  marker: z.uuid().optional().catch(undefined),
  limit: z.coerce.number().int().refine((n) => [25, 50, 100].includes(n)).default(25).catch(25),
});

export default async function ImagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { marker, limit } = searchSchema.parse(await searchParams);
  return (
    <>
      <PageHeader
        title="Images"
        description="Private IMS images owned by this project: system-disk, data-disk and full-ECS images, newest first."
      />
      <Suspense key={`${marker}-${limit}`} fallback={<TableSkeleton label="Loading images" />}>
        <ImagesTable marker={marker} limit={limit} />
      </Suspense>
    </>
  );
}
