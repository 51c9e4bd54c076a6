import "server-only";
import { sessionStore } from "@/lib/auth/store";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { INSTANCE_ID } from "@/lib/instance";
import { blame } from "@/lib/manifest/blame";
import { compareWithCloud } from "@/lib/manifest/compare";
import { makeDue } from "@/lib/manifest/watches";
import { DriftWatcher } from "@/lib/manifest/watcher";

/** An interval long enough to mean "never" to a timer: manifests are then checked on imports and on demand. */
const ON_DEMAND_MS = 365 * 86_400_000;

const cache = globalThis as unknown as { imshareDrift?: Promise<DriftWatcher> };

/** Starts this process's drift watcher once (from instrumentation.ts); every instance runs one, claims share the work. */
export function startDriftWatcher(): Promise<DriftWatcher> {
  cache.imshareDrift ??= (async () => {
    const db = await getDb();
    const watcher = new DriftWatcher({
      db,
      sessions: sessionStore,
      compare: compareWithCloud,
      blame: (watch, drift) => blame(db, watch.accountId, watch.projectId, drift),
      instanceId: INSTANCE_ID,
      everyMs: env.DRIFT_CHECK_MS > 0 ? env.DRIFT_CHECK_MS : ON_DEMAND_MS,
    }).start();
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void watcher.stop());
    return watcher;
  })();
  return cache.imshareDrift;
}

/**
 * Makes a project's watched manifests (or one of them) due now and has the watcher check them: after a
 * CTS import brought in changes made outside the console (woken), and on "Check now" (waited for, so
 * the page shows the outcome). Nothing runs where the background work is off (BATCH_TRACKER).
 */
export async function checkDriftNow(
  accountId: string,
  projectId: string,
  id?: string,
  opts: { wait?: boolean } = {},
): Promise<number> {
  const due = await makeDue(await getDb(), accountId, projectId, Date.now(), id);
  if (due === 0 || !env.BATCH_TRACKER) return due;
  const watcher = await startDriftWatcher();
  if (opts.wait) await watcher.pass();
  else watcher.poke();
  return due;
}
