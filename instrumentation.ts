/**
 * Runs once when a console server starts: the batch tracker picks up every unfinished batch, the lease
 * scheduler, the notifications' outbox and the drift watcher start, history retention (if set) and the
 * scheduled CTS import begin.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env.BATCH_TRACKER) {
    const { startTracker } = await import("@/lib/boot/batches");
    await startTracker().catch((e) => console.error("batch tracker: could not start:", e));
  }
  if (env.AUDIT_RETENTION_DAYS > 0) {
    const [{ purgeBefore }, { getDb }] = await Promise.all([import("@/lib/audit/chain"), import("@/lib/db")]);
    const purge = async () => {
      const removed = await purgeBefore(await getDb(), Date.now() - env.AUDIT_RETENTION_DAYS * 86_400_000);
      if (removed)
        console.log(`history retention: removed ${removed} events older than ${env.AUDIT_RETENTION_DAYS} days`);
    };
    const run = () => void purge().catch((e) => console.error("history retention: could not purge:", e));
    run();
    setInterval(run, 6 * 3600_000).unref();
  }
  // Shares that expire, and the notifications: on every instance (they share the work through claims).
  if (env.BATCH_TRACKER) {
    const { startNotify } = await import("@/lib/boot/notify");
    await startNotify().catch((e) => console.error("leases and notifications: could not start:", e));
    const { startDriftWatcher } = await import("@/lib/boot/drift");
    await startDriftWatcher().catch((e) => console.error("drift watcher: could not start:", e));
  }
  if (env.CTS_IMPORT_INTERVAL_MS > 0) {
    const { startCtsImports } = await import("@/lib/boot/cts-imports");
    await startCtsImports().catch((e) => console.error("cts import: could not start:", e));
  }
}
