import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from "kysely";
import type { Database } from "./types";
import { migrations } from "./migrations";

/** `postgres://…` or `postgresql://…` selects PostgreSQL; anything else is a SQLite file (`file:` optional). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//.test(url);
}

/** Opens the database named by the URL; callers own the instance (and destroy it). */
export async function openDatabase(url: string): Promise<Kysely<Database>> {
  if (isPostgresUrl(url)) {
    const pg = await import("pg");
    // bigint columns hold epoch milliseconds, well inside Number's exact range.
    pg.default.types.setTypeParser(20, (v: string) => Number(v));
    const pool = new pg.default.Pool({ connectionString: url, max: 10 });
    // An idle connection that the server closes (restart, failover) must not crash the process:
    // the pool drops it and opens another on the next query.
    pool.on("error", (e) =>
      console.error(`database: an idle connection was closed (${e.message}); it will be replaced.`),
    );
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const { default: SQLite } = await import("better-sqlite3");
  const path = resolve(url.replace(/^file:/, ""));
  mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma("journal_mode = WAL");
  database.pragma("busy_timeout = 5000");
  database.pragma("foreign_keys = ON");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies pending migrations; safe to call from several processes at once (Kysely takes a lock).
 * Migrations are independent of each other's order within a release, so one merged with a lower
 * number than one already applied still runs.
 */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(
      `Database migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
