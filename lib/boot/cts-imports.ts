import "server-only";
import { sessionStore } from "@/lib/auth/store";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { INSTANCE_ID } from "@/lib/instance";
import { CtsImportSchedule } from "@/lib/audit/cts-schedule";
import type { StoredSession } from "@/lib/auth/session-store";
import { flagOutside } from "@/lib/sharing/policy";
import { checkDriftNow } from "./drift";

const cache = globalThis as unknown as { imshareCtsImports?: Promise<CtsImportSchedule> };

/** Starts this process's scheduled CTS import once (from instrumentation.ts). */
export function startCtsImports(): Promise<CtsImportSchedule> {
  cache.imshareCtsImports ??= (async () => {
    const schedule = new CtsImportSchedule({
      db: await getDb(),
      sessions: sessionStore,
      instanceId: INSTANCE_ID,
      intervalMs: env.CTS_IMPORT_INTERVAL_MS,
      settleMs: env.CTS_IMPORT_SETTLE_MS,
      imported: (where) => checkDriftNow(where.accountId, where.projectId),
      // The schedule's sessions are the store's own (lib/auth/session-store `latestInProject`).
      outside: (session, events) =>
        flagOutside(
          { token: session.token, region: session.region, projectId: session.projectId },
          session as StoredSession,
          events,
        ),
    }).start();
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void schedule.stop());
    return schedule;
  })();
  return cache.imshareCtsImports;
}
