import type { Kysely, Migration } from "kysely";

/**
 * Sharing as code: manifests an account keeps and watches for drift. Each is checked against the cloud
 * on a schedule and after every CTS import, by one instance at a time (a claim like the lease
 * scheduler's), with the token of the admin who saved it; what drifted is kept for the page and the
 * notification, with the digest last announced so the same drift is told once.
 */
export const watchedManifests: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("watched_manifests")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull())
      .addColumn("account_name", "text", (c) => c.notNull())
      .addColumn("project_id", "text", (c) => c.notNull())
      .addColumn("project_name", "text", (c) => c.notNull())
      .addColumn("region", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("saved_by_id", "text", (c) => c.notNull())
      .addColumn("saved_by_name", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().defaultTo("new"))
      .addColumn("status_text", "text")
      .addColumn("drift", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("drift_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("drift_digest", "text")
      .addColumn("notified_digest", "text")
      .addColumn("checked_at", "bigint")
      .addColumn("due_at", "bigint", (c) => c.notNull().defaultTo(0))
      .addColumn("claim_owner", "text")
      .addColumn("claim_until", "bigint", (c) => c.notNull().defaultTo(0))
      .execute();
    // One name per project: the page, the API and the notification name a manifest by it.
    await db.schema
      .createIndex("watched_manifests_name")
      .on("watched_manifests")
      .columns(["account_id", "project_id", "name"])
      .unique()
      .execute();
    await db.schema.createIndex("watched_manifests_due").on("watched_manifests").columns(["due_at"]).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("watched_manifests").execute();
  },
};
