import type { Kysely, Migration } from "kysely";

/**
 * Expiring shares and notifications: leases on members, with a lease of their own so that one
 * instance ends each; an account's notification settings and webhooks; the outbox of deliveries,
 * written with the event that causes them; marks of what a watcher announced; which account a
 * project belongs to; a batch's end date; and renewal requests among the approvals.
 */
export const leasesAndNotifications: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("share_leases")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull())
      .addColumn("account_name", "text", (c) => c.notNull())
      .addColumn("project_id", "text", (c) => c.notNull())
      .addColumn("project_name", "text", (c) => c.notNull())
      .addColumn("region", "text", (c) => c.notNull())
      .addColumn("service", "text", (c) => c.notNull())
      .addColumn("image_id", "text", (c) => c.notNull())
      .addColumn("image_name", "text", (c) => c.notNull())
      .addColumn("member_id", "text", (c) => c.notNull())
      .addColumn("target_kind", "text", (c) => c.notNull())
      .addColumn("target", "text", (c) => c.notNull())
      .addColumn("ends_at", "bigint", (c) => c.notNull())
      .addColumn("set_by_id", "text", (c) => c.notNull())
      .addColumn("set_by_name", "text", (c) => c.notNull())
      .addColumn("set_at", "bigint", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("warned_for", "bigint")
      .addColumn("waiting_since", "bigint")
      .addColumn("status_message", "text")
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", "bigint", (c) => c.notNull().defaultTo(0))
      .addColumn("ended_at", "bigint")
      .addColumn("end_outcome", "text")
      .addColumn("lease_owner", "text")
      .addColumn("lease_until", "bigint", (c) => c.notNull().defaultTo(0))
      .execute();
    // One active lease per member; ended ones stay as the record of what happened.
    await db.schema
      .createIndex("share_leases_active_member")
      .on("share_leases")
      .columns(["project_id", "image_id", "member_id"])
      .unique()
      .where("status" as never, "=", "active" as never)
      .execute();
    await db.schema.createIndex("share_leases_due").on("share_leases").columns(["status", "ends_at"]).execute();
    await db.schema.createIndex("share_leases_image").on("share_leases").columns(["image_id", "status"]).execute();

    await db.schema
      .createTable("notification_settings")
      .addColumn("account_id", "text", (c) => c.primaryKey())
      .addColumn("settings", "text", (c) => c.notNull())
      .addColumn("updated_by", "text", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("webhooks")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("url", "text", (c) => c.notNull())
      .addColumn("preset", "text", (c) => c.notNull())
      .addColumn("secret_ciphertext", "text", (c) => c.notNull())
      .addColumn("enabled", "integer", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("webhooks_account").on("webhooks").column("account_id").execute();
    await db.schema
      .createTable("notification_outbox")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("destination", "text", (c) => c.notNull())
      .addColumn("event_type", "text", (c) => c.notNull())
      .addColumn("payload", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
      .addColumn("last_status", "integer")
      .addColumn("last_error", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("delivered_at", "bigint")
      .addColumn("lease_owner", "text")
      .addColumn("lease_until", "bigint", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex("notification_outbox_due")
      .on("notification_outbox")
      .columns(["status", "next_attempt_at"])
      .execute();
    await db.schema
      .createIndex("notification_outbox_account")
      .on("notification_outbox")
      .columns(["account_id", "created_at"])
      .execute();
    await db.schema
      .createTable("notification_marks")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("project_accounts")
      .addColumn("project_id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull())
      .addColumn("account_name", "text", (c) => c.notNull())
      .addColumn("project_name", "text", (c) => c.notNull())
      .addColumn("region", "text", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();

    await db.schema.alterTable("batches").addColumn("lease_ends_at", "bigint").execute();
    await db.schema
      .alterTable("approval_requests")
      .addColumn("kind", "text", (c) => c.notNull().defaultTo("share"))
      .execute();
    await db.schema.alterTable("approval_requests").addColumn("requester_account_id", "text").execute();
    await db.schema.alterTable("approval_requests").addColumn("requester_account_name", "text").execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      "share_leases",
      "notification_settings",
      "webhooks",
      "notification_outbox",
      "notification_marks",
      "project_accounts",
    ])
      await db.schema.dropTable(table).execute();
  },
};
