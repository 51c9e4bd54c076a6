import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database, WebhookPresetName } from "@/lib/db/types";
import type { Text } from "@/lib/i18n/text";
import type { NoticeType } from "./kinds";
import { parseSettings, type NotificationSettings } from "./settings";

type Db = Kysely<Database> | Transaction<Database>;

/** Something to tell an account's admins: what happened, in catalogue sentences said at delivery. */
export interface Notice {
  type: NoticeType;
  accountId: string;
  accountName: string;
  project?: { id: string; name: string; region: string };
  title: Text;
  text: Text;
  /** A path in the console (`/batches/…`), made absolute with CONSOLE_PUBLIC_URL when it is set. */
  link?: string;
  /** The event's facts for machines (ids, counts), as receivers read them. */
  data: Record<string, unknown>;
  occurredAt: number;
}

/** A notice as the outbox keeps it: with the language its account chose when it was written. */
export interface StoredNotice extends Notice {
  language: NotificationSettings["language"];
}

export interface WebhookView {
  id: string;
  name: string;
  url: string;
  preset: WebhookPresetName;
  enabled: boolean;
  createdBy: string;
  createdAt: number;
}

export async function readSettings(
  db: Db,
  accountId: string,
): Promise<{ settings: NotificationSettings; updatedBy?: string; updatedAt?: number }> {
  const row = await db
    .selectFrom("notification_settings")
    .selectAll()
    .where("account_id", "=", accountId)
    .executeTakeFirst();
  return row
    ? { settings: parseSettings(row.settings), updatedBy: row.updated_by, updatedAt: Number(row.updated_at) }
    : { settings: parseSettings(undefined) };
}

/** Writes the account's settings and gives back the ones they replace (the audit keeps both). */
export async function saveSettings(
  db: Kysely<Database>,
  accountId: string,
  settings: NotificationSettings,
  by: string,
  now = Date.now(),
): Promise<NotificationSettings> {
  return db.transaction().execute(async (tx) => {
    const before = await readSettings(tx, accountId);
    const values = { settings: JSON.stringify(settings), updated_by: by, updated_at: now };
    await tx
      .insertInto("notification_settings")
      .values({ account_id: accountId, ...values })
      .onConflict((oc) => oc.column("account_id").doUpdateSet(values))
      .execute();
    return before.settings;
  });
}

/** The account's webhooks, without their secrets. */
export async function listWebhooks(db: Db, accountId: string): Promise<WebhookView[]> {
  const rows = await db
    .selectFrom("webhooks")
    .select(["id", "name", "url", "preset", "enabled", "created_by", "created_at"])
    .where("account_id", "=", accountId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    url: r.url,
    preset: r.preset,
    enabled: Boolean(r.enabled),
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
  }));
}

/**
 * Writes one delivery per channel of the account for a notice its settings send, inside the caller's
 * transaction: the event that causes it and its deliveries are written together or not at all, so a
 * crash neither loses nor doubles one. Each delivery's id is the idempotency key receivers see.
 * Returns how many were written.
 */
export async function enqueue(tx: Db, notice: Notice, only?: { webhookId: string } | { smn: true }): Promise<number> {
  const { settings } = await readSettings(tx, notice.accountId);
  if (notice.type !== "test" && !settings.events[notice.type]) return 0;
  const hooks = only && "smn" in only ? [] : await listWebhooks(tx, notice.accountId);
  const chosen = hooks.filter((w) => (only && "webhookId" in only ? w.id === only.webhookId : w.enabled));
  const smn = settings.smn && (!only || "smn" in only) ? [settings.smn.topicUrn] : [];
  const destinations: { channel: "webhook" | "smn"; destination: string }[] = [
    ...chosen.map((w) => ({ channel: "webhook" as const, destination: w.id })),
    ...smn.map((urn) => ({ channel: "smn" as const, destination: urn })),
  ];
  if (destinations.length === 0) return 0;
  const payload = JSON.stringify({ ...notice, language: settings.language } satisfies StoredNotice);
  await tx
    .insertInto("notification_outbox")
    .values(
      destinations.map((d) => ({
        id: randomUUID(),
        account_id: notice.accountId,
        channel: d.channel,
        destination: d.destination,
        event_type: notice.type,
        payload,
        status: "pending" as const,
        attempts: 0,
        next_attempt_at: notice.occurredAt,
        last_status: null,
        last_error: null,
        created_at: notice.occurredAt,
        delivered_at: null,
        lease_owner: null,
        lease_until: 0,
      })),
    )
    .execute();
  return destinations.length;
}

/** Marks a thing announced; false when it already was (the watcher then says nothing). */
export async function markOnce(tx: Db, key: string, now: number): Promise<boolean> {
  const res = await tx
    .insertInto("notification_marks")
    .values({ key, created_at: now })
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Whether the account sends notices anywhere (an enabled webhook or an SMN topic): watchers ask nothing otherwise. */
export async function hasChannels(db: Db, accountId: string): Promise<boolean> {
  const { settings } = await readSettings(db, accountId);
  if (settings.smn) return true;
  return (await listWebhooks(db, accountId)).some((w) => w.enabled);
}
