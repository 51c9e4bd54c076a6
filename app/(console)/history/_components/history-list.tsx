import Link from "next/link";
import { EventsTable } from "@/components/history/events-table";
import { historyHref } from "@/components/history/links";
import { Button } from "@/components/ui/button";
import type { Cursor, HistoryFilter } from "@/lib/audit/filter";
import { listEvents, type HistoryScope } from "@/lib/audit/read";
import { getDb } from "@/lib/db";

export const PAGE_SIZE = 50;

/** One keyset page of the filtered events with Newest / Older links. */
export async function HistoryList({
  scope,
  filter,
  before,
}: {
  scope: HistoryScope;
  filter: HistoryFilter;
  before?: Cursor;
}) {
  const page = await listEvents(await getDb(), scope, filter, { cursor: before, limit: PAGE_SIZE });
  return (
    <EventsTable
      events={page.events}
      label="Events"
      detailHref={(id) => historyHref(filter, { before, event: id })}
      imageHref={(id) => historyHref({ ...filter, image: id })}
      targetHref={(id) => historyHref({ ...filter, member: id })}
      empty={before ? "No older events." : "No events match this filter."}
      footer={
        (before || page.next) && (
          <nav aria-label="Pages" className="flex justify-end gap-2">
            {before && (
              <Button asChild variant="secondary" size="sm">
                <Link href={historyHref(filter)}>Newest</Link>
              </Button>
            )}
            {page.next && (
              <Button asChild variant="secondary" size="sm">
                <Link href={historyHref(filter, { before: page.next })}>Older →</Link>
              </Button>
            )}
          </nav>
        )
      }
    />
  );
}
