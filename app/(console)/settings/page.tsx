import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { dataTag } from "@/components/data-text";
import { PageHeader } from "@/components/page-header";
import { canChange, requireSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatWhen } from "@/lib/i18n/format";
import { readPolicy } from "@/lib/policy/store";
import { PolicyForm } from "./_components/policy-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

/** The account's sharing policy: every user sees it, full admins change it. */
export default async function SettingsPage() {
  const session = await requireSession();
  const t = await getTranslations("settings");
  const format = await getFormatter();
  const stored = await readPolicy(await getDb(), session.accountId);
  const mayChange = canChange(session);

  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t.rich("description", { account: session.accountName, name: dataTag })}
      />
      <p className="text-sm text-muted-foreground">
        {stored.updatedBy && stored.updatedAt
          ? t.rich("lastChanged", { user: stored.updatedBy, when: formatWhen(format, stored.updatedAt), name: dataTag })
          : t("never")}
        {!mayChange && ` ${t("readOnly")}`}
      </p>
      <PolicyForm policy={stored.policy} canChange={mayChange} />
    </div>
  );
}
