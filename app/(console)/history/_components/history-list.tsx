import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventsTable } from "@/components/history/events-table";
import { historyHref } from "@/components/history/links";
import { Button } from "@/components/ui/button";
import type { Cursor, HistoryFilter } from "@/lib/audit/filter";
import { listEvents, type HistoryScope } from "@/lib/audit/read";
import { getDb } from "@/lib/db";
import { requireSession, scopeOf } from "@/lib/auth/session";
import { flagOutside } from "@/lib/sharing/policy";

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
  const t = await getTranslations("history.list");
  const page = await listEvents(await getDb(), scope, filter, { cursor: before, limit: PAGE_SIZE });
  const session = await requireSession();
  const outside = await flagOutside(scopeOf(session), session, page.events);
  return (
    <EventsTable
      events={page.events}
      outsidePolicy={outside}
      label={t("label")}
      detailHref={(id) => historyHref(filter, { before, event: id })}
      imageHref={(id) => historyHref({ ...filter, image: id })}
      targetHref={(id) => historyHref({ ...filter, member: id })}
      empty={before ? t("noOlder") : t("noMatch")}
      footer={
        (before || page.next) && (
          <nav aria-label={t("pages")} className="flex justify-end gap-2">
            {before && (
              <Button asChild variant="secondary" size="sm">
                <Link href={historyHref(filter)}>{t("newest")}</Link>
              </Button>
            )}
            {page.next && (
              <Button asChild variant="secondary" size="sm">
                <Link href={historyHref(filter, { before: page.next })}>{t("older")}</Link>
              </Button>
            )}
          </nav>
        )
      }
    />
  );
}
