import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { dataTag } from "@/components/data-text";
import { PageHeader } from "@/components/page-header";
import { NewBatchLink } from "@/components/sharing/new-batch-link";
import { canChange, requireSession } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import { env } from "@/lib/env";
import { loadTile } from "@/lib/overview/load";
import { TILES, type TileName } from "@/lib/overview/types";
import { TileSkeleton } from "./_components/overview/skeleton";
import { OverviewTile } from "./_components/overview/tile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

/**
 * The console's home: what needs this admin, one tile per concern. Every tile reads on its own and
 * streams in behind its skeleton, so the page takes as long as its slowest read and one failure stays
 * in its tile; each is then asked again as often as the inbox badge.
 */
export default async function OverviewPage() {
  const session = await requireSession();
  const t = await getTranslations("overview");
  const mayChange = canChange(session);
  const tile = (name: TileName, className?: string) => (
    <Suspense key={name} fallback={<TileSkeleton name={name} className={className} />}>
      <Loaded name={name} session={session} className={className} />
    </Suspense>
  );
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={t.rich("description", { project: session.projectName, name: dataTag })}
        actions={mayChange && <NewBatchLink />}
      />
      {!mayChange && <p className="-mt-4 text-sm text-muted-foreground">{t("readOnly")}</p>}
      <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-4">{TILES.map((name) => tile(name))}</div>
      {tile("activity")}
    </div>
  );
}

async function Loaded({ name, session, className }: { name: TileName; session: StoredSession; className?: string }) {
  return (
    <OverviewTile
      name={name}
      initial={await loadTile(name, session)}
      projectId={session.projectId}
      pollMs={env.INBOX_POLL_MS}
      canChange={canChange(session)}
      className={className}
    />
  );
}
