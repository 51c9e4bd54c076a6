import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { emptyFilter, type HistoryFilter } from "@/lib/audit/filter";
import { listEvents, type HistoryScope } from "@/lib/audit/read";
import { getDb } from "@/lib/db";
import { EventsTable } from "./events-table";
import { historyHref } from "./links";

/** The newest events about one image or batch, for its own page, with a link to all of them in History. */
export async function HistorySection({
  scope,
  filter,
  title,
  limit = 10,
}: {
  scope: HistoryScope;
  filter: Partial<HistoryFilter>;
  title: string;
  limit?: number;
}) {
  const t = await getTranslations("history.section");
  const full = { ...emptyFilter(), ...filter };
  const page = await listEvents(await getDb(), scope, full, { limit });
  return (
    <section aria-labelledby="history-title" className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="history-title" className="text-base font-semibold">
          {title}
        </h2>
        <Link href={historyHref(full)} className="text-sm text-primary hover:underline">
          {t("allInHistory")}
        </Link>
      </div>
      <EventsTable
        events={page.events}
        label={title}
        detailHref={(id) => historyHref(full, { event: id })}
        empty={t("nothing")}
        footer={page.next && <p className="text-xs text-muted-foreground">{t("showingNewest", { limit })}</p>}
      />
    </section>
  );
}
