import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApplyResult, BatchSummary, ManifestPlan } from "./api";
import { fakeConsole, pair, planOf, runCli } from "./testing";

const MANIFEST = "version: 1\nimages: []\n";

/** A batch as it reads while the tracker works through its pairs. */
const batch = (status: string, counts: Partial<BatchSummary["counts"]>): BatchSummary => ({
  id: "b1",
  status,
  counts: { launched: 3, done: 0, succeeded: 0, failed: 0, cancelled: 0, ...counts },
});

describe("imshare apply", () => {
  let dir: string;
  let api: Awaited<ReturnType<typeof fakeConsole>>;
  let plan: ManifestPlan;
  let applied: ApplyResult;
  /** What the batch reads as at each GET, the last one repeated. */
  let readings: BatchSummary[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "imshare-cli-"));
    writeFileSync(join(dir, "sharing.yaml"), MANIFEST);
    api = await fakeConsole({
      "POST /api/v1/manifest/plan": () => ({ body: { data: plan } }),
      "POST /api/v1/manifest/apply": () => ({ body: { data: applied } }),
      "GET /api/v1/batches/b1": () => ({ body: { data: readings.length > 1 ? readings.shift() : readings[0] } }),
    });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    api.received.length = 0;
    plan = planOf([pair("add"), pair("add", { imageName: "centos-7" }), pair("remove"), pair("keep")]);
    applied = {
      batches: [{ id: "b1", operation: "share", launched: 3, url: "http://console.test/batches/b1" }],
      approvals: [{ id: "r1", pairs: 2 }],
      nothing: false,
    };
  });

  const run = (args: string[], options: { tty?: boolean; input?: string } = {}) =>
    runCli(["apply", "-f", "sharing.yaml", ...args], { url: api.url, cwd: dir, ...options });
  const paths = () => api.received.map((r) => `${r.method} ${r.path}`);

  it("with --yes, applies with the plan's digest and follows the batch until it is done", async () => {
    readings = [
      batch("running", { done: 1, succeeded: 1 }),
      batch("running", { done: 1, succeeded: 1 }),
      batch("finished", { done: 3, succeeded: 3 }),
    ];
    const result = await run(["--yes", "--reason", "quarterly review"]);
    expect(result.code).toBe(0);
    expect(api.received[1].body).toEqual({
      manifest: MANIFEST,
      planDigest: "sha256:plan-digest",
      reason: "quarterly review",
    });
    expect(paths()).toEqual([
      "POST /api/v1/manifest/plan",
      "POST /api/v1/manifest/apply",
      "GET /api/v1/batches/b1",
      "GET /api/v1/batches/b1",
      "GET /api/v1/batches/b1",
    ]);
    expect(result.sleeps).toBe(2);
    expect(result.stdout).toContain("Plan: 2 to add, 1 to remove, 0 blocked, 1 unchanged.");
    expect(result.stdout).toContain("Launched batch b1 (share, 3 pairs): http://console.test/batches/b1");
    expect(result.stdout).toContain("Approval requested (2 pairs): r1.");
    // A line each time the batch moved, not one per read.
    expect(result.stdout.match(/^batch b1: .*$/gm)).toEqual([
      "batch b1: 1/3 done (1 succeeded), running",
      "batch b1: 3/3 done (3 succeeded), finished",
    ]);
    expect(result.stdout).toContain("Apply complete.");
  });

  it("exits 1 when a pair of a batch failed", async () => {
    readings = [batch("finished", { done: 3, succeeded: 2, failed: 1 })];
    const result = await run(["--yes"]);
    expect(result.stdout).toContain("batch b1: 3/3 done (2 succeeded, 1 failed), finished");
    expect(result).toMatchObject({ code: 1, stderr: "1 pair failed: see the batch pages (Retry failed).\n" });
  });

  it("refuses without --yes when standard input is not a terminal, before applying anything", async () => {
    const result = await run([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Pass --yes");
    expect(paths()).toEqual(["POST /api/v1/manifest/plan"]);
  });

  it("asks on a terminal and applies only when the answer is yes", async () => {
    const declined = await run([], { tty: true, input: "y\n" });
    expect(declined.stdout).toContain("Apply these changes? Type yes to apply: ");
    expect(declined).toMatchObject({ code: 1, stderr: "Error: Apply cancelled: nothing was changed.\n" });
    expect(paths()).toEqual(["POST /api/v1/manifest/plan"]);

    const accepted = await run(["--no-wait"], { tty: true, input: "yes\n" });
    expect(accepted.code).toBe(0);
    expect(paths().slice(1)).toEqual(["POST /api/v1/manifest/plan", "POST /api/v1/manifest/apply"]);
  });

  it("says there is nothing to do, and neither asks nor applies, when the cloud matches the file", async () => {
    plan = planOf([pair("keep"), pair("blocked", { reason: "Not shareable." })]);
    const result = await run([], { tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Nothing to do: the cloud matches sharing.yaml.");
    expect(result.stdout).not.toContain("Apply these changes?");
    expect(paths()).toEqual(["POST /api/v1/manifest/plan"]);
  });

  it("passes on the console's refusal when the cloud moved since the plan", async () => {
    const moved = await fakeConsole({
      "POST /api/v1/manifest/plan": () => ({ body: { data: plan } }),
      "POST /api/v1/manifest/apply": () => ({
        status: 409,
        body: { error: { code: "conflict", message: "The cloud changed since this plan." } },
      }),
    });
    const result = await runCli(["apply", "-f", "sharing.yaml", "--yes"], { url: moved.url, cwd: dir });
    await moved.close();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Error: The cloud changed since this plan.\n  Run the command again: it plans afresh from the cloud as it is now.\n",
    );
  });
});
