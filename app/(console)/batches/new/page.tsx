import type { Metadata } from "next";
import Link from "next/link";
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

export const metadata: Metadata = { title: "New batch" };

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
  const preselected = preselection.parse(Array.isArray(raw) ? raw.join(",") : raw);
  return (
    <>
      <PageHeader
        title="New batch"
        description="Share or unshare many images with many projects, accounts or organizations. Plan first: every pair is checked against the cloud before anything is sent, and you can take pairs out."
        actions={
          <Button asChild variant="ghost">
            <Link href="/batches">All batches</Link>
          </Button>
        }
      />
      <Suspense fallback={<TableSkeleton label="Loading images" />}>
        <LoadedPlanner preselected={preselected} />
      </Suspense>
    </>
  );
}
