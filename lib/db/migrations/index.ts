import { PostgresAdapter, type Kysely, type Migration } from "kysely";

/** Whether a migration runs on PostgreSQL (else SQLite); the few types that differ depend on it. */
function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** One list of migrations for both databases, applied in order at start. */
export const migrations: Record<string, Migration> = {
  "0001_sessions_and_audit": {
    async up(db) {
      const pg = isPostgres(db);
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("user_name", "text", (c) => c.notNull())
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("account_name", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("project_name", "text", (c) => c.notNull())
        .addColumn("region", "text", (c) => c.notNull())
        .addColumn("roles", "text", (c) => c.notNull())
        .addColumn("token_ciphertext", "text", (c) => c.notNull())
        .addColumn("token_expires_at", "bigint", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_token_expires_at").on("sessions").column("token_expires_at").execute();

      await db.schema
        .createTable("audit_events")
        .addColumn("seq", pg ? "bigserial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("occurred_at", "bigint", (c) => c.notNull())
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("account_name", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("user_name", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("project_name", "text", (c) => c.notNull())
        .addColumn("region", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("images", "text", (c) => c.notNull())
        .addColumn("targets", "text", (c) => c.notNull())
        .addColumn("pairs", "text", (c) => c.notNull())
        .addColumn("input", "text", (c) => c.notNull())
        .addColumn("error_code", "text")
        .addColumn("error_message", "text")
        .addColumn("upstream_request_id", "text")
        .addColumn("upstream_job_id", "text")
        .addColumn("duration_ms", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("audit_events_account_project_time")
        .on("audit_events")
        .columns(["account_id", "project_id", "occurred_at", "seq"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("audit_events").execute();
      await db.schema.dropTable("sessions").execute();
    },
  },
  "0002_inbox_views": {
    async up(db) {
      await db.schema
        .createTable("inbox_views")
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("seen_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("inbox_views_pk", ["user_id", "project_id"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("inbox_views").execute();
    },
  },
};
