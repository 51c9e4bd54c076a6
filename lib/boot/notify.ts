import "server-only";
import { deriveTokenKey } from "@/lib/auth/crypto";
import { sessionStore } from "@/lib/auth/store";
import { sessionTokens } from "@/lib/batches/tokens";
import { getDb } from "@/lib/db";
import { Deliverer } from "@/lib/delivery/deliverer";
import { watchIncoming } from "@/lib/delivery/incoming";
import { env } from "@/lib/env";
import { INSTANCE_ID } from "@/lib/instance";
import { LeaseScheduler } from "@/lib/leases/scheduler";

interface Running {
  leases: LeaseScheduler;
  deliverer: Deliverer;
}

const cache = globalThis as unknown as { imshareNotify?: Promise<Running> };

/**
 * Starts this process's lease scheduler, outbox deliverer and incoming-share watcher once (from
 * instrumentation.ts). Every instance runs them: claims in the database keep each lease and each
 * delivery with one instance at a time.
 */
export function startNotify(): Promise<Running> {
  cache.imshareNotify ??= (async () => {
    const db = await getDb();
    const leases = new LeaseScheduler({
      db,
      tokens: sessionTokens(sessionStore),
      instanceId: INSTANCE_ID,
      tickMs: env.LEASE_TICK_MS,
      claimMs: env.LEASE_CLAIM_MS,
      warnEveryMs: env.LEASE_WARN_EVERY_MS,
    }).start();
    const deliverer = new Deliverer({
      db,
      instanceId: INSTANCE_ID,
      key: deriveTokenKey(env.AUTH_SECRET),
      sessions: sessionStore,
      publicUrl: env.CONSOLE_PUBLIC_URL,
      maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
      retryMs: env.OUTBOX_RETRY_MS,
      tickMs: env.OUTBOX_TICK_MS,
    }).start();
    if (env.INCOMING_WATCH_MS > 0) {
      const watch = () =>
        void sessionStore()
          .then((store) => watchIncoming(db, store))
          .catch((e: Error) => console.error("incoming watch failed:", e.message));
      setInterval(watch, env.INCOMING_WATCH_MS).unref();
      setTimeout(watch, Math.min(env.INCOMING_WATCH_MS, 10_000)).unref();
    }
    for (const signal of ["SIGTERM", "SIGINT"] as const)
      process.once(signal, () => void Promise.allSettled([leases.stop(), deliverer.stop()]));
    return { leases, deliverer };
  })();
  return cache.imshareNotify;
}

/** Sends what waits in the outbox now, not at the next tick (a test event from Settings). */
export function pokeDeliverer(): void {
  void cache.imshareNotify?.then((r) => r.deliverer.poke());
}
