import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { dataTag } from "@/components/data-text";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { codeTag } from "@/components/data-text";
import { canChange, requireSession, scopeOf } from "@/lib/auth/session";
import { organizationOf, type OrganizationRead } from "@/lib/policy/organization";
import { getDb } from "@/lib/db";
import { formatWhen } from "@/lib/i18n/format";
import { readPolicy } from "@/lib/policy/store";
import { PolicyForm } from "./_components/policy-form";
import { SettingsTabs } from "./_components/settings-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

/** The account's sharing policy: every user sees it, full admins change it. */
export default async function SettingsPage() {
  const session = await requireSession();
  const t = await getTranslations("settings");
  const format = await getFormatter();
  const [stored, organization] = await Promise.all([
    readPolicy(await getDb(), session.accountId),
    organizationOf(scopeOf(session), session.accountId),
  ]);
  const mayChange = canChange(session);

  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t.rich("description", { account: session.accountName, name: dataTag })}
      />
      <SettingsTabs current="policy" />
      <p className="text-sm text-muted-foreground">
        {stored.updatedBy && stored.updatedAt
          ? t.rich("lastChanged", { user: stored.updatedBy, when: formatWhen(format, stored.updatedAt), name: dataTag })
          : t("never")}
        {!mayChange && ` ${t("readOnly")}`}
      </p>
      <OrganizationCard read={organization} />
      <PolicyForm policy={stored.policy} canChange={mayChange} />
    </div>
  );
}

/** What the organization rule can see: the organization's accounts and units, or why not. */
async function OrganizationCard({ read }: { read: OrganizationRead }) {
  const t = await getTranslations("settings.org");
  const tags = { code: codeTag, name: dataTag };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="text-sm" data-testid="policy-organization">
        {read.state === "none" && t("none")}
        {read.state === "unreadable" && t.rich("unreadable", { ...tags, code: read.code })}
        {read.state === "read" &&
          (read.view.listable
            ? t.rich("summary", {
                ...tags,
                id: read.view.id,
                manager: read.view.managementAccountName,
                accounts: read.view.accounts.length,
                units: read.view.units.length,
              })
            : t.rich("notListable", { ...tags, id: read.view.id }))}
      </CardContent>
    </Card>
  );
}
