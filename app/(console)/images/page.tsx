import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { imageListQuery } from "@/lib/sharing/image-page";
import { ImageFilters } from "./_components/filters";
import { ImageQuota } from "./_components/image-quota";
import { ImagesTable } from "./_components/images-table";
import { OutsidePolicy } from "./_components/outside-policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("images");
  return { title: t("title") };
}

export default async function ImagesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = imageListQuery.parse(await searchParams);
  const t = await getTranslations("images");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Suspense fallback={null}>
            <ImageQuota />
          </Suspense>
        }
      />
      <Suspense fallback={null}>
        <OutsidePolicy />
      </Suspense>
      <ImageFilters query={query} />
      <Suspense key={JSON.stringify(query)} fallback={<TableSkeleton label={t("loading")} />}>
        <ImagesTable query={query} />
      </Suspense>
    </>
  );
}
