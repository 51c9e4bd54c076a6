import "server-only";
import type { Kysely } from "kysely";
import { env } from "@/lib/env";
import { migrate, openDatabase } from "./connect";
import type { Database } from "./types";

const cache = globalThis as unknown as { imshareDb?: Promise<Kysely<Database>> };

/** The console's database, opened and migrated once per process. */
export function getDb(): Promise<Kysely<Database>> {
  cache.imshareDb ??= (async () => {
    const db = await openDatabase(env.DATABASE_URL);
    await migrate(db);
    return db;
  })().catch((e) => {
    cache.imshareDb = undefined;
    throw e;
  });
  return cache.imshareDb;
}
