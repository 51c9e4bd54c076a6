import { createInterface } from "node:readline";
import type { ApplyResult, BatchSummary, ManifestPlan } from "./api";
import { batchLine, hasChanges, planText } from "./render";
import { CliError, readManifest, say, type Run } from "./run";

/** How often `apply` reads a batch it follows; the console's own page is fed from the same rows. */
const POLL_MS = 1_000;
const FINAL = new Set(["finished", "cancelled"]);

/**
 * `apply`: plans, shows the plan, asks, then applies with the plan's digest, so the console refuses if
 * the cloud moved between the plan shown and the apply. The batches run in the console's tracker; the
 * CLI follows them and exits 1 when a pair failed, so a script knows the cloud does not match the file.
 */
export async function applyCommand(run: Run): Promise<number> {
  const manifest = await readManifest(run);
  const plan = await run.client.post<ManifestPlan>("/api/v1/manifest/plan", { manifest });
  say(run, planText(plan, run.paint, run.args.verbose));
  if (!hasChanges(plan)) {
    say(run, `Nothing to do: the cloud matches ${run.args.file}.`);
    return 0;
  }
  if (!run.args.yes) {
    if (!run.io.stdin.isTTY)
      throw new CliError("Not applied: nobody can confirm on a standard input that is not a terminal. Pass --yes.");
    if (!(await confirmed(run))) throw new CliError("Apply cancelled: nothing was changed.");
  }
  const result = await run.client.post<ApplyResult>("/api/v1/manifest/apply", {
    manifest,
    planDigest: plan.digest,
    ...(run.args.reason && { reason: run.args.reason }),
  });
  if (result.nothing) {
    say(run, `Nothing to do: the cloud matches ${run.args.file}.`);
    return 0;
  }
  for (const b of result.batches) say(run, `Launched batch ${b.id} (${b.operation}, ${b.launched} pairs): ${b.url}`);
  for (const a of result.approvals)
    say(run, `Approval requested (${a.pairs} pairs): ${a.id}. Another admin of the account decides in Approvals.`);
  if (!run.args.wait) return 0;
  let failed = 0;
  for (const b of result.batches) failed += (await follow(run, b.id, b.url)).counts.failed;
  if (failed > 0) {
    run.io.stderr.write(`${failed} ${failed === 1 ? "pair" : "pairs"} failed: see the batch pages (Retry failed).\n`);
    return 1;
  }
  if (result.batches.length > 0) say(run, run.paint.bold("Apply complete."));
  return 0;
}

/** Asks on the terminal; only "yes" applies, as terraform asks. */
async function confirmed(run: Run): Promise<boolean> {
  run.io.stdout.write("\nApply these changes? Type yes to apply: ");
  const lines = createInterface({ input: run.io.stdin, terminal: false });
  try {
    const { value, done } = await lines[Symbol.asyncIterator]().next();
    return !done && String(value).trim() === "yes";
  } finally {
    lines.close();
  }
}

/** Reads the batch every second until it ends, printing a line each time it moved. */
async function follow(run: Run, id: string, url: string): Promise<BatchSummary> {
  let last = "";
  for (;;) {
    let batch: BatchSummary;
    try {
      batch = await run.client.get<BatchSummary>(`/api/v1/batches/${encodeURIComponent(id)}`);
    } catch (e) {
      run.io.stderr.write(`Stopped following batch ${id}; it goes on in the console: ${url}\n`);
      throw e;
    }
    const line = batchLine(batch, run.paint);
    if (line !== last) say(run, line);
    last = line;
    if (FINAL.has(batch.status)) return batch;
    await run.io.sleep(POLL_MS);
  }
}
