import { Download } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { codeTag, dataTag } from "@/components/data-text";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { canChange, requireSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { targetIdOf } from "@/lib/names/validate";
import { listNames } from "@/lib/names/store";
import { ImportForm } from "./_components/import-form";
import { NameForm } from "./_components/name-form";
import { NamesTable } from "./_components/names-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("names"))("title") };
}

export default async function NamesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession();
  const t = await getTranslations("names");
  const { id } = await searchParams;
  const asked = typeof id === "string" ? targetIdOf(id) : undefined;
  const names = await listNames(await getDb(), session.accountId);
  const mayChange = canChange(session);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t.rich("description", { account: session.accountName, name: dataTag })}
        actions={
          names.length > 0 && (
            <Button asChild variant="secondary" size="sm">
              <a href="/api/names/export" download>
                <Download aria-hidden />
                {t("exportCsv")}
              </a>
            </Button>
          )
        }
      />
      {mayChange ? (
        <section aria-labelledby="name-an-id-heading" className="rounded-lg border border-border bg-card p-4">
          <h2 id="name-an-id-heading" className="mb-3 font-medium">
            {t("nameAnId")}
          </h2>
          <NameForm defaults={{ id: asked?.ok ? asked.id : undefined }} />
        </section>
      ) : (
        <p className="text-sm text-muted-foreground">{t("readOnly")}</p>
      )}
      {names.length ? (
        <NamesTable names={names} canChange={mayChange} />
      ) : (
        <EmptyState title={t("emptyTitle")} hint={t.rich("emptyHint", { code: codeTag })} />
      )}
      {mayChange && (
        <details className="rounded-lg border border-border bg-card p-4">
          <summary className="cursor-pointer font-medium">{t("importFromCsv")}</summary>
          <div className="mt-3">
            <ImportForm />
          </div>
        </details>
      )}
    </div>
  );
}
