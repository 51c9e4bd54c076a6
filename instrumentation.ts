/**
 * Runs once when a console server starts: the batch tracker picks up every unfinished batch, and
 * the scheduled CTS import begins.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env.BATCH_TRACKER) {
    const { startTracker } = await import("@/lib/batches/boot");
    await startTracker().catch((e) => console.error("batch tracker: could not start:", e));
  }
  if (env.CTS_IMPORT_INTERVAL_MS > 0) {
    const { startCtsImports } = await import("@/lib/audit/cts-boot");
    await startCtsImports().catch((e) => console.error("cts import: could not start:", e));
  }
}
