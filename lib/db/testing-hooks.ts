import type { Kysely } from "kysely";
import { afterAll, beforeAll } from "vitest";
import { migrate } from "./connect";
import type { Backend } from "./testing";
import type { Database } from "./types";

/**
 * A suite's database: before its tests, a fresh one of `backend` with every migration, handed to `use`;
 * after them, closed and dropped. (Kept apart from `testing.ts`, which the benchmarks import outside Vitest.)
 */
export function onMigratedDatabase(backend: Backend, use: (db: Kysely<Database>) => void): void {
  let opened: Awaited<ReturnType<Backend["open"]>> | undefined;
  beforeAll(async () => {
    opened = await backend.open();
    await migrate(opened.db);
    use(opened.db);
  });
  afterAll(async () => {
    await opened?.db.destroy();
    await opened?.cleanup();
  });
}
