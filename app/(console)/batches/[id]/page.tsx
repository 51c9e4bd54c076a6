import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { HistorySection } from "@/components/history/history-section";
import { TableSkeleton } from "@/components/table-skeleton";
import { canChange, requireSession } from "@/lib/auth/session";
import { getBatch } from "@/lib/batches/store";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { UUID } from "@/lib/ids";
import { BACK_PARAM, returnTo } from "@/lib/lists/return-to";
import { BatchLive } from "./_components/batch-live";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("batches.page");
  return { title: t("title") };
}

export default async function BatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const back = returnTo((await searchParams)[BACK_PARAM], "/batches");
  if (!UUID.test(id)) notFound();
  const session = await requireSession();
  const batch = await getBatch(await getDb(), id, { accountId: session.accountId, projectId: session.projectId });
  if (!batch) notFound();
  const t = await getTranslations("batches.page");
  return (
    <div className="flex flex-col gap-3">
      <Link href={back} className="text-sm text-muted-foreground hover:text-foreground">
        {t("back")}
      </Link>
      <BatchLive
        initial={batch}
        canChange={canChange(session)}
        pace={{ stallMs: env.BATCH_STALL_MS, jobTimeoutMs: env.BATCH_JOB_TIMEOUT_MS }}
      />
      <Suspense fallback={<TableSkeleton rows={3} label={t("loadingHistory")} />}>
        <HistorySection
          scope={{ accountId: session.accountId, projectId: session.projectId }}
          filter={{ batch: id }}
          title={t("history")}
        />
      </Suspense>
    </div>
  );
}
