import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { openDatabase } from "./connect";
import type { Database } from "./types";

/** The PostgreSQL server of these machines; each run gets its own database, dropped afterwards. */
const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface Backend {
  name: string;
  open(): Promise<{ db: Kysely<Database>; url: string; cleanup(): Promise<void> }>;
}

export const backends: Backend[] = [
  {
    name: "SQLite",
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "imshare-db-"));
      const url = `file:${join(dir, "test.db")}`;
      return { db: await openDatabase(url), url, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: "PostgreSQL",
    async open() {
      const name = `imshare_test_${randomBytes(6).toString("hex")}`;
      const admin = await openDatabase(PG_ADMIN_URL);
      await sql.raw(`create database ${name}`).execute(admin);
      const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
      const db = await openDatabase(url);
      return {
        db,
        url,
        async cleanup() {
          await sql.raw(`drop database if exists ${name} with (force)`).execute(admin);
          await admin.destroy();
        },
      };
    },
  },
];

/** The file database alone, for suites that run against one database (behind a mocked `getDb`). */
export const SQLITE: Backend = backends[0];
