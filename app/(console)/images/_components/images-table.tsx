import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { canChange, withCloud } from "@/lib/auth/session";
import { loadImagePage, type ImageListQuery } from "@/lib/sharing/image-page";
import { ImageList } from "./image-list";
import { pageNumber } from "@/lib/lists/trail";
import { listHref, nextHref, previousHref } from "./query";
import { rowView } from "./row-view";

/** One page of the project's images with members, quota and shareability, read from IMS page by page. */
export async function ImagesTable({ query }: { query: ImageListQuery }) {
  const { rows, next, session } = await withCloud(async (scope, s) => ({
    ...(await loadImagePage(scope, query)),
    session: s,
  }));
  const filtered = Boolean(query.q || query.type || query.shareable || query.members || query.pending);

  if (rows.length === 0) {
    return (
      <EmptyState
        className="p-10"
        title={
          filtered
            ? "No image matches these filters"
            : query.marker
              ? "No more images"
              : "This project owns no private images yet"
        }
        hint={
          filtered
            ? next
              ? "None on the pages read so far; later pages may still match."
              : "Change or clear the filters to see more."
            : query.marker
              ? "You reached the end of the list."
              : "Create an image in IMS, or switch to another project with the selector above."
        }
      >
        <div className="mt-4 flex justify-center gap-2">
          {next && (
            <Button asChild variant="secondary">
              <Link href={nextHref(query, next)}>Keep looking</Link>
            </Button>
          )}
          {(filtered || query.marker) && (
            <Button asChild variant="ghost">
              <Link href="/images">Back to all images</Link>
            </Button>
          )}
        </div>
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <ImageList
        rows={rows.map(rowView)}
        query={query}
        canChange={canChange(session)}
        selectionKey={`imshare:selection:images:${session.projectId}`}
      />
      {/* IMS answers a page without a total, so the pager says which page this is and no "of N". */}
      <nav
        aria-label="Pages"
        className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground"
      >
        <span>
          Page {pageNumber(query.marker, query.trail)} · {rows.length} image{rows.length === 1 ? "" : "s"}
        </span>
        <div className="flex gap-2">
          {query.marker && pageNumber(query.marker, query.trail) > 2 && (
            <Button asChild variant="ghost" size="sm">
              <Link href={listHref({ ...query, marker: undefined, trail: undefined })}>First page</Link>
            </Button>
          )}
          {query.marker && (
            <Button asChild variant="secondary" size="sm">
              <Link href={previousHref(query)}>Previous page</Link>
            </Button>
          )}
          {next && (
            <Button asChild variant="secondary" size="sm">
              <Link href={nextHref(query, next)}>Next page</Link>
            </Button>
          )}
        </div>
      </nav>
    </div>
  );
}
