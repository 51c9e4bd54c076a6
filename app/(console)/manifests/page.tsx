import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/page-header";
import { canChange, requireSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { UUID } from "@/lib/ids";
import { driftedWatches, listWatches, type WatchView } from "@/lib/manifest/watches";
import { Workbench } from "./_components/workbench";
import { WatchList } from "./_components/watch-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("drift.page"))("title") };
}

/** `?watches=drift`: only the watched manifests that drifted, as the overview counts them. */
const listQuery = z.object({ watches: z.enum(["drift"]).optional().catch(undefined) });

/**
 * Sharing as code: a manifest of who should have which images, planned against the cloud pair by pair,
 * applied as batches, and watched for drift. `?watch=<id>` opens a watched manifest in the editor.
 */
export default async function ManifestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession();
  const t = await getTranslations("drift.page");
  const raw = await searchParams;
  const { watch } = raw;
  const filter = listQuery.parse(raw).watches;
  const rows = await listWatches(await getDb(), session.accountId, session.projectId);
  const opened = typeof watch === "string" && UUID.test(watch) ? rows.find((r) => r.id === watch) : undefined;
  const watches: WatchView[] = (filter ? driftedWatches(rows) : rows).map(
    ({ id, name, projectId, projectName, savedBy, updatedAt, status, statusText, drift, driftCount, checkedAt }) => ({
      id,
      name,
      projectId,
      projectName,
      savedBy,
      updatedAt,
      status,
      ...(statusText && { statusText }),
      drift,
      driftCount,
      checkedAt,
    }),
  );
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description", { project: session.projectName })} />
      <Workbench
        key={opened?.id ?? "new"}
        initial={opened?.source ?? ""}
        initialName={opened?.name ?? ""}
        canChange={canChange(session)}
        checkMinutes={Math.round(env.DRIFT_CHECK_MS / 60_000)}
      />
      <WatchList watches={watches} canChange={canChange(session)} driftOnly={Boolean(filter)} />
    </div>
  );
}
