import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { dataTag } from "@/components/data-text";
import { When } from "@/components/date-time";
import { FilterNote } from "@/components/filter-note";
import { PageHeader } from "@/components/page-header";
import { NewBatchLink } from "@/components/sharing/new-batch-link";
import { Button } from "@/components/ui/button";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { canChange, requireSession } from "@/lib/auth/session";
import { ATTENTION_DAYS, attentionBatches } from "@/lib/batches/attention";
import { listBatches } from "@/lib/batches/store";
import { getDb } from "@/lib/db";
import { UUID } from "@/lib/ids";
import { withBack } from "@/lib/lists/return-to";
import { BatchProgressBar, BatchStatusBadge, isOver } from "./[id]/_components/batch-status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("batches");
  return { title: t("title") };
}

const PAGE_SIZE = 25;
/** `?before=<createdAt>_<id>`: the last batch of the page before. */
const listQuery = z.object({
  before: z
    .string()
    .regex(/^\d{1,15}_[^_]+$/)
    .transform((v) => ({ createdAt: Number(v.split("_")[0]), id: v.split("_")[1] }))
    .refine((c) => UUID.test(c.id))
    .optional()
    .catch(undefined),
  /** `?attention=7`: only the batches that need attention (lib/batches/attention.ts), as the overview counts them. */
  attention: z.literal(String(ATTENTION_DAYS)).optional().catch(undefined),
});

/** The list's URL: its filter, and the page when it is not the first. */
function batchesHref(attention: string | undefined, before?: string): string {
  const params = new URLSearchParams();
  if (attention) params.set("attention", attention);
  if (before) params.set("before", before);
  const query = params.toString();
  return query ? `/batches?${query}` : "/batches";
}

export default async function BatchesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const format = await getFormatter();
  const t = await getTranslations("batches");
  const { before, attention } = listQuery.parse(raw);
  const listUrl = batchesHref(attention, before && typeof raw.before === "string" ? raw.before : undefined);
  const session = await requireSession();
  const db = await getDb();
  const scope = { accountId: session.accountId, projectId: session.projectId };
  const page = { limit: PAGE_SIZE + 1, before };
  const rows = attention ? await attentionBatches(db, scope, page) : await listBatches(db, scope, page);
  const batches = rows.slice(0, PAGE_SIZE);
  const last = batches[batches.length - 1];
  const older = rows.length > PAGE_SIZE ? `${last.createdAt}_${last.id}` : undefined;
  const newBatch = canChange(session) && <NewBatchLink />;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newBatch} />
      {attention && (
        <FilterNote href="/batches" linkLabel={t("attention.showAll")} className="mb-3">
          {t("attention.note", { days: ATTENTION_DAYS })}
        </FilterNote>
      )}
      {batches.length === 0 ? (
        <div className="rounded-lg border border-dashed border-border bg-card p-10 text-center">
          <p className="font-medium">
            {before ? t("noOlder") : attention ? t("attention.none", { days: ATTENTION_DAYS }) : t("none")}
          </p>
          {!attention && <p className="mx-auto mt-1 max-w-xl text-sm text-muted-foreground">{t("emptyHint")}</p>}
          {before ? (
            <Button asChild variant="secondary" className="mt-4">
              <Link href={batchesHref(attention)}>{t("newestBatches")}</Link>
            </Button>
          ) : (
            !attention && newBatch && <div className="mt-4">{newBatch}</div>
          )}
        </div>
      ) : (
        <div className="rounded-lg border border-border bg-card">
          <Table>
            <THead>
              <TR>
                <TH>{t("colStatus")}</TH>
                <TH>{t("colBatch")}</TH>
                <TH>{t("colLaunched")}</TH>
                <TH className="text-right">{t("colPairs")}</TH>
                <TH>{t("colOutcome")}</TH>
              </TR>
            </THead>
            <tbody>
              {batches.map((b) => {
                const { counts } = b;
                return (
                  <TR key={b.id}>
                    <TD>
                      <BatchStatusBadge summary={b} />
                    </TD>
                    <TD>
                      <Link
                        href={withBack(`/batches/${b.id}`, listUrl)}
                        className="font-medium text-primary hover:underline"
                      >
                        {t("name", { operation: b.operation, images: b.imageCount, targets: b.targetCount })}
                      </Link>
                      <div className="font-mono text-xs text-muted-foreground">{b.id.slice(0, 8)}</div>
                    </TD>
                    <TD>
                      <div>
                        <When value={b.createdAt} />
                      </div>
                      <div className="text-xs text-muted-foreground">
                        {t.rich("by", { user: b.userName, name: dataTag })}
                      </div>
                    </TD>
                    <TD className="text-right tabular-nums">{format.number(b.pairCount)}</TD>
                    <TD className="min-w-64">
                      <div className="flex flex-wrap gap-x-3 text-xs">
                        <span className="text-success">{t("succeeded", { count: counts.succeeded })}</span>
                        <span className={counts.failed ? "text-destructive" : "text-muted-foreground"}>
                          {t("failed", { count: counts.failed })}
                        </span>
                        {counts.cancelled > 0 && (
                          <span className="text-muted-foreground">{t("cancelled", { count: counts.cancelled })}</span>
                        )}
                        {!isOver(b) && (
                          <span className="text-muted-foreground">
                            {t("open", { count: counts.launched - counts.done })}
                          </span>
                        )}
                      </div>
                      {!isOver(b) && <BatchProgressBar summary={b} className="mt-1.5 h-1.5 max-w-64" />}
                    </TD>
                  </TR>
                );
              })}
            </tbody>
          </Table>
        </div>
      )}
      {(older || before) && (
        <nav aria-label={t("pages")} className="mt-4 flex justify-end gap-2">
          {before && (
            <Button asChild variant="secondary" size="sm">
              <Link href={batchesHref(attention)}>{t("newest")}</Link>
            </Button>
          )}
          {older && (
            <Button asChild variant="secondary" size="sm">
              <Link href={batchesHref(attention, older)}>{t("older")}</Link>
            </Button>
          )}
        </nav>
      )}
    </>
  );
}
