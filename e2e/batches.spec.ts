import { DEMO } from "../emulator/seed/demo";
import { expect, emulator, auditActions, auditMark, lastAudit, query, test } from "./fixtures";
import { APPS, BatchesPage, BatchPage, launchTenByThree } from "./pages/batches";

const INITECH = DEMO.initechAp;

test.use({ user: "alice" });
test.beforeEach(async () => {
  await emulator.reset();
});

test(
  "10 images × 3 projects with one pair made to fail: 29 done, 1 failed with its reason, and retry failed completes it",
  { tag: "@flow" },
  async ({ page }) => {
    await emulator.post("/faults/jobs", {
      kind: "fail-pairs",
      pairs: [{ image_id: APPS[3], target: INITECH }],
      code: "IMG.0112",
      times: 1,
    });
    const id = await launchTenByThree(page);
    const batch = new BatchPage(page);

    await expect(batch.count("Succeeded")).toHaveText("29");
    await expect(batch.count("Failed")).toHaveText("1");
    await expect(page.getByText("29 succeeded, 1 failed").first()).toBeVisible();
    await batch.filter("Failed");
    const rows = batch.pairs();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("app-04");
    await expect(rows.nth(1)).toContainText(INITECH);
    await expect(rows.nth(1)).toContainText("IMG.0112");

    const finished = await lastAudit("alice");
    expect(finished).toMatchObject({ action: "batch_finished", outcome: "partial", error_code: "IMG.0112" });
    expect(JSON.parse(finished.input)).toMatchObject({ batchId: id, succeeded: 29, failed: 1 });

    const mark = await auditMark("alice");
    await page.getByRole("button", { name: "Retry failed (1)" }).click();
    // One toast per batch: the new outcome replaced the stale "1 failed" one and the retry's own. Looked
    // for first, while it is fresh: a toast without an action leaves on its own after a few seconds.
    await expect(batch.toasts().getByText("Finished: 30 succeeded, 0 failed")).toBeVisible();
    await expect(batch.toasts().getByText(/1 failed|queued again/)).toHaveCount(0);
    await expect(batch.count("Succeeded")).toHaveText("30");
    await expect(batch.count("Failed")).toHaveText("0");
    await expect.poll(async () => (await lastAudit("alice", mark))?.action).toBe("batch_finished");
    const retried = await lastAudit("alice", mark);
    expect(JSON.parse(retried.pairs)).toEqual([{ image: APPS[3], target: INITECH, outcome: "succeeded" }]);

    // The project's batches list shows it, finished, with a link back.
    const batches = new BatchesPage(page);
    await batches.goto();
    const row = batches.row(id);
    await expect(row).toContainText("Finished");
    await expect(row).toContainText("30 succeeded");
  },
);

test("the page shows progress while the emulator's jobs run slowly, and ends with every pair's outcome", async ({
  page,
}) => {
  await emulator.put("/config", { jobTiming: { initMs: 300, itemMs: 150, maxRunMs: 0 } });
  await launchTenByThree(page);
  const batch = new BatchPage(page);
  const bar = batch.progressBar();
  // Seen part-way: some pairs done or running, not all.
  await expect(async () => {
    const value = Number(await bar.getAttribute("aria-valuenow"));
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(100);
  }).toPass({ intervals: [50] });
  await expect(batch.count("Running")).not.toHaveText("0");
  await expect(batch.count("Succeeded")).toHaveText("30", { timeout: 20_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
});

test("the progress line's percent counts done pairs only, and running jobs' own progress is said apart", async ({
  page,
}) => {
  // One job of 30 pairs, 400 ms a pair: its progress moves for 12 s while no pair is done.
  await emulator.put("/config", { jobTiming: { initMs: 0, itemMs: 400, maxRunMs: 0 } });
  await launchTenByThree(page);
  const batch = new BatchPage(page);
  await expect(batch.progressLine()).toHaveText(/^0% · 0 of 30 launched pairs done · jobs [1-9]\d?% through$/);
  await expect(batch.progressLine()).toHaveText("100% · 30 of 30 launched pairs done", { timeout: 30_000 });
});

test("a job stuck in RUNNING: the page says nothing moved, guesses no time left, and Read members now settles its pairs", async ({
  page,
}) => {
  await emulator.post("/faults/jobs", { kind: "stuck", times: 1 });
  const id = await launchTenByThree(page);
  const batch = new BatchPage(page);
  const stalled = batch.stalled();
  // BATCH_STALL_MS is 1.5 s in the e2e consoles, BATCH_JOB_TIMEOUT_MS 10 s.
  await expect(stalled).toContainText(/^No progress for \d+ s/);
  await expect(stalled).toContainText("30 pairs are in jobs Huawei Cloud still reports as running");
  await expect(page.getByRole("region", { name: "Progress", exact: true })).not.toContainText("left");
  await stalled.getByRole("button", { name: "Read members now" }).click();
  await expect(batch.toasts().getByText("Reading the members for 30 pairs of the stuck jobs")).toBeVisible();
  await expect(batch.count("Succeeded")).toHaveText("30");
  await expect(stalled).toBeHidden();
  const calls = await query<{ error_code: string | null }>(
    "select error_code from batch_calls where batch_id = ? order by seq",
    id,
  );
  expect(calls[0].error_code).toBe("job_given_up");
  expect((await auditActions("alice")).slice(-2)).toEqual(["batch_jobs_given_up", "batch_finished"]);
});

test("cancel unsent pairs: the calls already made finish, the rest are cancelled and audited", async ({ page }) => {
  // Slow jobs, and images with six different target sets: six calls, of which four run at once and
  // the last (app-06…10 with every project, 15 pairs) waits. The first four take over 4 s, so the two
  // clicks of the cancel land while the last still waits even on a busy machine (at 1.5 s, a CI run's
  // clicks came after it was sent).
  await emulator.put("/config", { jobTiming: { initMs: 4000, itemMs: 300, maxRunMs: 0 } });
  await launchTenByThree(page, [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 0],
    [3, 1],
    [4, 0],
    [4, 2],
  ]);
  const batch = new BatchPage(page);
  await expect(batch.count("Running")).not.toHaveText("0");
  const mark = await auditMark("alice");
  await page.getByRole("button", { name: /^Cancel unsent/ }).click();
  await page.getByRole("button", { name: "Cancel unsent pairs" }).click();
  await expect(page.getByText(/cancelled/i).first()).toBeVisible();
  await expect.poll(async () => (await lastAudit("alice", mark))?.action, { timeout: 20_000 }).toBe("batch_finished");
  const cancelled = Number(await batch.count("cancelled").textContent());
  const succeeded = Number(await batch.count("Succeeded").textContent());
  expect(cancelled).toBeGreaterThanOrEqual(15);
  expect(succeeded + cancelled).toBe(23);
});

test("exports the batch's pairs as CSV and JSON with their outcomes", async ({ page }) => {
  const id = await launchTenByThree(page);
  await expect(new BatchPage(page).count("Succeeded")).toHaveText("30");
  const csv = await (await page.request.get(`/api/batches/${id}/export?format=csv`)).text();
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(31);
  expect(lines[0]).toContain("image_id");
  expect(lines.slice(1).every((l) => l.includes(",succeeded,"))).toBe(true);
  const json = await (await page.request.get(`/api/batches/${id}/export?format=json`)).json();
  expect(json.pairs).toHaveLength(30);
  expect(new Set(json.pairs.map((p: { jobId: string }) => p.jobId)).size).toBeGreaterThan(0);
});
