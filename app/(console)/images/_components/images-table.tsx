import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { canChange, withCloud } from "@/lib/auth/session";
import { loadImagePage, type ImageListQuery } from "@/lib/sharing/image-page";
import { ImageList } from "./image-list";
import { pageNumber } from "@/lib/lists/trail";
import { isFiltered, listHref, nextHref, previousHref } from "./query";
import { rowView } from "./row-view";

/** One page of the project's images with members, quota and shareability, read from IMS page by page. */
export async function ImagesTable({ query }: { query: ImageListQuery }) {
  const { rows, next, session, ending } = await withCloud(async (scope, s) => ({
    ...(await loadImagePage(scope, query)),
    session: s,
  }));
  const t = await getTranslations("images.table");
  const filtered = isFiltered(query);

  if (rows.length === 0) {
    return (
      <EmptyState
        className="p-10"
        title={filtered ? t("noMatch") : query.marker ? t("noMore") : t("noImages")}
        hint={
          filtered ? (next ? t("noMatchYet") : t("noMatchHint")) : query.marker ? t("noMoreHint") : t("noImagesHint")
        }
      >
        <div className="mt-4 flex justify-center gap-2">
          {next && (
            <Button asChild variant="secondary">
              <Link href={nextHref(query, next)}>{t("keepLooking")}</Link>
            </Button>
          )}
          {(filtered || query.marker) && (
            <Button asChild variant="ghost">
              <Link href="/images">{t("backToAll")}</Link>
            </Button>
          )}
        </div>
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <ImageList
        rows={rows.map((r) => rowView(r, ending.get(r.id)))}
        query={query}
        canChange={canChange(session)}
        selectionKey={`imshare:selection:images:${session.projectId}`}
      />
      {/* IMS answers a page without a total, so the pager says which page this is and no "of N". */}
      <nav
        aria-label={t("pages")}
        className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground"
      >
        <span>{t("pageSummary", { page: pageNumber(query.marker, query.trail), count: rows.length })}</span>
        <div className="flex gap-2">
          {query.marker && pageNumber(query.marker, query.trail) > 2 && (
            <Button asChild variant="ghost" size="sm">
              <Link href={listHref({ ...query, marker: undefined, trail: undefined })}>{t("firstPage")}</Link>
            </Button>
          )}
          {query.marker && (
            <Button asChild variant="secondary" size="sm">
              <Link href={previousHref(query)}>{t("previousPage")}</Link>
            </Button>
          )}
          {next && (
            <Button asChild variant="secondary" size="sm">
              <Link href={nextHref(query, next)}>{t("nextPage")}</Link>
            </Button>
          )}
        </div>
      </nav>
    </div>
  );
}
