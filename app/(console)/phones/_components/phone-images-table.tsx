import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { canChange, withCloud } from "@/lib/auth/session";
import { countPhoneImageMembers, listPhoneImagesPage, phonesNearLimitPage } from "@/lib/sharing/phones";
import { PhoneList, type PhoneRowView } from "./phone-list";

export interface PhoneListQuery {
  q?: string;
  offset: number;
  limit: number;
  /** `full=90`: only images with 90% or more of their member limit used. */
  full?: "90";
}

/** The URL of another page of the same list. */
export function phonesHref({ q, offset, limit, full }: PhoneListQuery, defaultLimit: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (full) params.set("full", full);
  if (offset > 0) params.set("offset", String(offset));
  if (limit !== defaultLimit) params.set("limit", String(limit));
  const query = params.toString();
  return query ? `/phones?${query}` : "/phones";
}

/** One page of the project's phone images, with every image's member count read at the same time. */
export async function PhoneImagesTable({ query, defaultLimit }: { query: PhoneListQuery; defaultLimit: number }) {
  const { images, total, counts, session } = await withCloud(async (scope, session) => {
    if (query.full) return { ...(await phonesNearLimitPage(scope, query)), session };
    const page = await listPhoneImagesPage(scope, query);
    return { ...page, counts: await countPhoneImageMembers(scope, page.images), session };
  });
  const { q, offset, limit, full } = query;
  const t = await getTranslations("phones.table");

  if (images.length === 0) {
    const title = q ? t("noMatch", { q }) : offset > 0 ? t("noMore") : full ? t("noneNearLimit") : t("noImages");
    const hint = q
      ? t("noMatchHint")
      : offset > 0
        ? t("noMoreHint")
        : full
          ? t("noneNearLimitHint")
          : t("noImagesHint");
    return (
      <EmptyState className="p-10" title={title} hint={hint}>
        {(q || offset > 0 || full) && (
          <Button asChild variant="secondary" className="mt-4">
            <Link href="/phones">{t("all")}</Link>
          </Button>
        )}
      </EmptyState>
    );
  }

  const prev =
    offset > 0 ? phonesHref({ q, offset: Math.max(0, offset - limit), limit, full }, defaultLimit) : undefined;
  const next =
    offset + limit < total ? phonesHref({ q, offset: offset + limit, limit, full }, defaultLimit) : undefined;
  const rows = images.map((image, i): PhoneRowView => ({
    id: image.image_id,
    name: image.image_name,
    version: image.image_version,
    sizeBytes: image.image_size,
    status: image.status,
    createdAt: image.create_time,
    members: counts[i],
  }));
  return (
    <div className="flex flex-col gap-3">
      <PhoneList
        rows={rows}
        back={phonesHref(query, defaultLimit)}
        canChange={canChange(session)}
        selectionKey={`imshare:selection:phones:${session.projectId}`}
      />
      <nav aria-label={t("pages")} className="flex items-center justify-between text-sm text-muted-foreground">
        <span className="tabular-nums">{t("range", { from: offset + 1, to: offset + images.length, total })}</span>
        <div className="flex gap-2">
          {prev && (
            <Button asChild variant="secondary" size="sm">
              <Link href={prev}>{t("previousPage")}</Link>
            </Button>
          )}
          {next && (
            <Button asChild variant="secondary" size="sm">
              <Link href={next}>{t("nextPage")}</Link>
            </Button>
          )}
        </div>
      </nav>
    </div>
  );
}
