import type { Kysely, Migration } from "kysely";

/**
 * The API token a batch was launched with when that token acts with an entrusted access key: the tracker
 * sends such a batch with the key while the token stays active, so a batch from CI needs no console session.
 */
export const batchApiToken: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("batches").addColumn("api_token_id", "text").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("batches").dropColumn("api_token_id").execute();
  },
};
