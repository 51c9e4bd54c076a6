import type { Kysely, Migration } from "kysely";

/**
 * Personal access tokens for the HTTP API (/api/v1): the token's owner and project, a display prefix and
 * the SHA-256 hash of the secret (never the secret), its access and life; and the record of its uses,
 * of which the newest 200 per token are kept.
 */
export const apiTokens: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("api_tokens")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull())
      .addColumn("account_name", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("user_name", "text", (c) => c.notNull())
      .addColumn("project_id", "text", (c) => c.notNull())
      .addColumn("project_name", "text", (c) => c.notNull())
      .addColumn("region", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("prefix", "text", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull())
      .addColumn("access", "text", (c) => c.notNull())
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .addColumn("revoked_at", "bigint")
      .addColumn("revoked_by_name", "text")
      .addColumn("last_used_at", "bigint")
      .addColumn("uses", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex("api_tokens_hash").on("api_tokens").column("hash").unique().execute();
    await db.schema
      .createIndex("api_tokens_owner")
      .on("api_tokens")
      .columns(["account_id", "user_id", "created_at"])
      .execute();

    await db.schema
      .createTable("api_token_uses")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("token_id", "text", (c) => c.notNull())
      .addColumn("at", "bigint", (c) => c.notNull())
      .addColumn("method", "text", (c) => c.notNull())
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("status", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("api_token_uses_token_at").on("api_token_uses").columns(["token_id", "at"]).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("api_token_uses").execute();
    await db.schema.dropTable("api_tokens").execute();
  },
};
