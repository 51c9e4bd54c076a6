import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { When } from "@/components/date-time";
import { HistorySection } from "@/components/history/history-section";
import { ImageStatus } from "@/components/image-status";
import { QuotaMeter } from "@/components/quota-meter";
import { ShareBadge } from "@/components/share-badge";
import type { MemberRow } from "@/components/sharing/members-table";
import { TableSkeleton } from "@/components/table-skeleton";
import { TargetId } from "@/components/target-id";
import { canChange, withCloud } from "@/lib/auth/session";
import { CloudError } from "@/lib/cloud/errors";
import { listAuthProjects } from "@/lib/cloud/iam";
import { formatBytes } from "@/lib/format";
import { UUID } from "@/lib/ids";
import { BACK_PARAM, returnTo } from "@/lib/lists/return-to";
import { loadImages } from "@/lib/sharing/load";
import { say } from "@/lib/i18n/text";
import { kindOf } from "@/lib/sharing/shareability";
import { leaseView, memberLeases } from "@/lib/sharing/lease-view";
import { MembersPanel } from "./_components/members-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("images.image");
  return { title: t("title") };
}

export default async function ImagePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const back = returnTo((await searchParams)[BACK_PARAM], "/images");
  if (!UUID.test(id)) notFound();
  const data = await withCloud(async (scope, session) => {
    const [loaded, projects, leases] = await Promise.all([
      loadImages(scope, [id]).then(([image]) => image),
      listAuthProjects(scope.token, scope.region).catch(() => []),
      memberLeases(scope.projectId, id),
    ]);
    return { loaded, projects, session, leases };
  }).catch((e: unknown) => {
    if (e instanceof CloudError && e.status === 404) notFound();
    throw e;
  });
  const { loaded, projects, session, leases } = data;
  if (loaded.image.owner !== session.projectId) notFound();

  const { image } = loaded;
  const t = await getTranslations("images.image");
  const kinds = await getTranslations("sharing.kind");
  const root = await getTranslations();
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const members: MemberRow[] = loaded.members.map((m) => ({
    id: m.member_id,
    kind: m.member_type,
    urn: m.urn,
    status: m.status,
    sharedAt: m.created_at,
    updatedAt: m.updated_at,
    name:
      m.member_type === "domain" && m.member_id === session.accountId
        ? t("yourAccount", { name: session.accountName })
        : names.get(m.member_id),
    lease: leaseView(root, leases.get(m.member_id)),
  }));
  // "data": the cloud's own words (the OS), shown as they are.
  const facts: [string, React.ReactNode, ("id" | "data")?][] = [
    [t("type"), kinds(kindOf(image))],
    [t("os"), image.__os_version || image.__platform || "—", "data"],
    [t("size"), formatBytes(image.__image_size ? Number(image.__image_size) : undefined)],
    [t("created"), <When key="created" value={image.created_at} />],
    [t("imageId"), image.id, "id"],
  ];

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={back} className="text-sm text-muted-foreground hover:text-foreground">
          ← {t("back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 translate="no" className="text-xl font-semibold tracking-tight">
            {image.name}
          </h1>
          <ImageStatus status={image.status} />
          <ShareBadge blocker={loaded.blocker} />
        </div>
        {loaded.blocker && (
          <p className="mt-2 max-w-3xl text-sm text-destructive">
            {say(root, loaded.blocker.reason)} <span className="text-muted-foreground">({loaded.blocker.code})</span>
          </p>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-x-8 gap-y-3 rounded-lg border border-border bg-card p-5 text-sm md:grid-cols-3 xl:grid-cols-6">
        {facts.map(([k, v, kind]) => (
          <div key={k} className="min-w-0">
            <dt className="text-xs text-muted-foreground">{k}</dt>
            <dd translate={kind === "data" ? "no" : undefined}>
              {kind === "id" && typeof v === "string" ? <TargetId id={v} /> : v}
            </dd>
          </div>
        ))}
        <div>
          <dt className="text-xs text-muted-foreground">{t("members")}</dt>
          <dd>
            <QuotaMeter used={loaded.members.length} limit={loaded.limit} />
          </dd>
        </div>
      </dl>
      <MembersPanel
        image={{ id: image.id, name: image.name }}
        members={members}
        limit={loaded.limit}
        shareable={!loaded.blocker}
        canChange={canChange(session)}
      />
      <Suspense fallback={<TableSkeleton rows={3} label={t("loadingHistory")} />}>
        <HistorySection
          scope={{ accountId: session.accountId, projectId: session.projectId }}
          filter={{ image: image.id }}
          title={t("history")}
        />
      </Suspense>
    </div>
  );
}
