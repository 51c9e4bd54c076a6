/** Runs once when a console server starts: the batch tracker picks up every unfinished batch. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (!env.BATCH_TRACKER) return;
  const { startTracker } = await import("@/lib/batches/boot");
  await startTracker().catch((e) => console.error("batch tracker: could not start:", e));
}
