import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { z } from "zod";
import { PageHeader } from "@/components/page-header";
import { TableSkeleton } from "@/components/table-skeleton";
import { Button } from "@/components/ui/button";
import { canChange, withCloud } from "@/lib/auth/session";
import { BATCH_LIMITS } from "@/lib/batches/plan";
import { listPickableImages } from "@/lib/batches/picker";
import { IMAGE_ID } from "@/lib/ids";
import { Planner } from "./_components/planner";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("batches.new");
  return { title: t("title") };
}

/** `?images=<id>,<id>`: images other pages preselect; anything that is not an id is dropped. */
const preselection = z
  .string()
  .optional()
  .catch(undefined)
  .transform((s) =>
    [...new Set((s ?? "").split(/[\s,]+/).filter((id) => IMAGE_ID.test(id)))].slice(0, BATCH_LIMITS.images),
  );

async function LoadedPlanner({ preselected }: { preselected: string[] }) {
  const { images, readOnly } = await withCloud(async (scope, session) => ({
    images: await listPickableImages(scope),
    readOnly: !canChange(session),
  }));
  return <Planner images={images} preselected={preselected} readOnly={readOnly} />;
}

export default async function NewBatchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).images;
  const t = await getTranslations("batches.new");
  const preselected = preselection.parse(Array.isArray(raw) ? raw.join(",") : raw);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild variant="ghost">
            <Link href="/batches">{t("allBatches")}</Link>
          </Button>
        }
      />
      <Suspense fallback={<TableSkeleton label={t("loadingImages")} />}>
        <LoadedPlanner preselected={preselected} />
      </Suspense>
    </>
  );
}
