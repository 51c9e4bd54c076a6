import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { codeTag, dataTag } from "@/components/data-text";
import { PageHeader } from "@/components/page-header";
import { canChange, requireSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listTokens, listUses } from "@/lib/tokens/store";
import { SettingsTabs } from "../_components/settings-tabs";
import { CreateToken } from "./_components/create-token";
import { TokenList } from "./_components/token-list";
import { TokenUses } from "./_components/token-uses";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tokens.page"))("title") };
}

/**
 * The user's personal access tokens for the HTTP API: make one (its secret shown once), see each one's
 * use, revoke. `?uses=<id>` opens a token's recent uses below the list.
 */
export default async function TokensPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession();
  const { uses: usesOf } = await searchParams;
  const t = await getTranslations("tokens.page");
  const settingsT = await getTranslations("settings");
  const db = await getDb();
  const tokens = await listTokens(db, session);
  const selected = tokens.find((token) => token.id === usesOf);
  const uses = selected ? await listUses(db, session, selected.id) : [];
  const mayWrite = canChange(session);
  const link = (chunks: React.ReactNode) => (
    <a href="/api/v1/openapi.json" className="font-mono text-primary underline-offset-4 hover:underline">
      {chunks}
    </a>
  );
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <PageHeader
        title={settingsT("title")}
        description={t.rich("description", { project: session.projectName, name: dataTag, code: codeTag })}
      />
      <SettingsTabs current="tokens" />
      <p className="text-sm text-muted-foreground">
        {t.rich("docs", { link, code: codeTag })}
        {!mayWrite && ` ${t("readOnlyUser")}`}
      </p>
      <CreateToken canWrite={mayWrite} />
      <section aria-labelledby="tokens-title" className="flex flex-col gap-3">
        <h2 id="tokens-title" className="text-base font-semibold">
          {t("title")}
        </h2>
        <TokenList tokens={tokens} usesOf={selected?.id} />
      </section>
      {selected && <TokenUses token={selected} uses={uses} />}
    </div>
  );
}
