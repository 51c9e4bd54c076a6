import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { dataTag } from "@/components/data-text";
import { PageHeader } from "@/components/page-header";
import { canChange, requireSession, scopeOf } from "@/lib/auth/session";
import { listTopics } from "@/lib/cloud/smn";
import { getDb } from "@/lib/db";
import { listDeliveries } from "@/lib/delivery/outbox";
import { formatWhen } from "@/lib/i18n/format";
import { readSettings, listWebhooks } from "@/lib/notify/store";
import { toAppError } from "@/lib/errors";
import { SettingsTabs } from "../_components/settings-tabs";
import { DeliveryLog } from "./_components/delivery-log";
import { NotificationsForm } from "./_components/notifications-form";
import { Webhooks } from "./_components/webhooks";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notify.page"))("title") };
}

/** The account's notifications: events, SMN topic, webhooks and what was sent. Full admins change them. */
export default async function NotificationsPage() {
  const session = await requireSession();
  const t = await getTranslations("notify.page");
  const settingsT = await getTranslations("settings");
  const format = await getFormatter();
  const db = await getDb();
  const [stored, webhooks, deliveries, topics] = await Promise.all([
    readSettings(db, session.accountId),
    listWebhooks(db, session.accountId),
    listDeliveries(db, session.accountId),
    listTopics(scopeOf(session)).then(
      (list) => ({ ok: true as const, list }),
      (e: unknown) => ({ ok: false as const, reason: toAppError(e).upstreamCode ?? toAppError(e).code }),
    ),
  ]);
  const mayChange = canChange(session);
  const hookNames = Object.fromEntries(webhooks.map((w) => [w.id, w.name]));

  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <PageHeader
        title={settingsT("title")}
        description={t.rich("description", { account: session.accountName, name: dataTag })}
      />
      <SettingsTabs current="notifications" />
      <p className="text-sm text-muted-foreground">
        {stored.updatedBy && stored.updatedAt
          ? t.rich("lastChanged", { user: stored.updatedBy, when: formatWhen(format, stored.updatedAt), name: dataTag })
          : null}
        {!mayChange && ` ${t("readOnly")}`}
      </p>
      <NotificationsForm
        settings={stored.settings}
        topics={topics.ok ? topics.list : []}
        topicsError={topics.ok ? undefined : topics.reason}
        canChange={mayChange}
      />
      <Webhooks webhooks={webhooks} canChange={mayChange} />
      <DeliveryLog
        deliveries={deliveries}
        hookNames={hookNames}
        canChange={mayChange}
        smn={Boolean(stored.settings.smn)}
      />
    </div>
  );
}
