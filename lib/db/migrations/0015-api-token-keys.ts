import type { Kysely, Migration } from "kysely";

/**
 * What an API token acts with: its user's console session (`session`, every token made before), or an
 * access key the user entrusted to the console (`access_key`): the AK in clear, the SK encrypted like
 * the sessions' IAM tokens, and the IAM roles of the session that made the token, which the token keeps.
 */
export const apiTokenKeys: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("api_tokens")
      .addColumn("credentials", "text", (c) => c.notNull().defaultTo("session"))
      .execute();
    await db.schema.alterTable("api_tokens").addColumn("access_key", "text").execute();
    await db.schema.alterTable("api_tokens").addColumn("secret_key_ciphertext", "text").execute();
    await db.schema
      .alterTable("api_tokens")
      .addColumn("roles", "text", (c) => c.notNull().defaultTo("[]"))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const column of ["roles", "secret_key_ciphertext", "access_key", "credentials"])
      await db.schema.alterTable("api_tokens").dropColumn(column).execute();
  },
};
