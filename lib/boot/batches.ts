import "server-only";
import { deriveTokenKey } from "@/lib/auth/crypto";
import { sessionStore } from "@/lib/auth/store";
import { reconcileIntents } from "@/lib/actions/intents";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { INSTANCE_ID } from "@/lib/instance";
import { withEntrustedKeys } from "@/lib/batches/entrusted";
import { sessionTokens } from "@/lib/batches/tokens";
import { Tracker } from "@/lib/batches/tracker";

const cache = globalThis as unknown as { imshareTracker?: Promise<Tracker> };

/** Starts this process's batch tracker once (from instrumentation.ts); it resumes every unfinished batch. */
export function startTracker(): Promise<Tracker> {
  cache.imshareTracker ??= (async () => {
    const db = await getDb();
    const tracker = new Tracker({
      db,
      // A batch launched with an entrusted-key API token is sent with that key; any other with sessions.
      tokens: withEntrustedKeys(sessionTokens(sessionStore), db, deriveTokenKey(env.AUTH_SECRET)),
      instanceId: INSTANCE_ID,
      pollMs: env.BATCH_POLL_MS,
      leaseMs: env.BATCH_LEASE_MS,
      chunkImages: env.IMS_BATCH_CHUNK_SIZE,
      jobsInFlight: env.BATCH_JOBS_IN_FLIGHT,
      cphConcurrency: env.BATCH_CPH_CONCURRENCY,
      jobTimeoutMs: env.BATCH_JOB_TIMEOUT_MS,
    }).start();
    // Changes left behind by a console that died mid-way get their audit event from the members.
    const tokens = sessionTokens(sessionStore);
    const reconcile = setInterval(() => {
      void reconcileIntents({
        db,
        tokens,
        instanceId: INSTANCE_ID,
        leaseMs: env.BATCH_LEASE_MS,
        settleMs: env.INTENT_SETTLE_MS,
        jobTimeoutMs: env.BATCH_JOB_TIMEOUT_MS,
      }).catch((e) => console.error("intents: could not reconcile:", e));
    }, 2_000);
    reconcile.unref();
    // A clean stop lets go of the leases, so another instance takes over at once.
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => void tracker.stop().finally(() => process.exit(0)));
    }
    return tracker;
  })();
  return cache.imshareTracker;
}
