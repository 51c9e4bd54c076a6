// The live batch view end to end, against the built console (npm run build): how long after a job
// ends in the emulator its pairs show as succeeded on the event stream (target: p95 under 1 s), and
// whether 10 viewers cost the cloud more job reads than 1 (they should not: the tracker polls, the
// viewers read the database). Batches are inserted with `createBatch` into the console's SQLite
// file; its tracker picks them up at its next tick. One image a call (IMS_BATCH_CHUNK_SIZE=1) with 1
// to 4 of the projects (the other pairs excluded), so each batch is 40 jobs of 4 different lengths,
// ending at different moments between two reads of the tracker.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "@/lib/i18n/text";
import {
  BENCH_ACTOR,
  benchProjects,
  bulkImageId,
  countRoutes,
  emulatorSnapshot,
  login,
  percentile,
  printTable,
  signInAlice,
  startConsole,
  startEmulator,
} from "./lib";

const IMAGES = 40;
const TARGETS = 4;
const VIEWERS = [1, 10];
/** 300 ms in INIT, then 370 ms a pair: jobs of 0.67, 1.04, 1.41 and 1.78 s. */
const JOB_TIMING = { initMs: 300, itemMs: 370, maxRunMs: 0 };
const POLL_MS = 500;
const INSTANCE = "bench-live";

interface Arrival {
  viewer: number;
  jobId: string;
  at: number;
}

/** Reads one SSE stream to its end; records when each job's pairs first arrive as succeeded. */
async function view(url: string, cookie: string, viewer: number, arrivals: Arrival[]): Promise<number> {
  const res = await fetch(url, { headers: { cookie, accept: "text/event-stream" } });
  if (!res.ok || !res.body) throw new Error(`viewer ${viewer}: ${res.status} ${await res.text()}`);
  const seen = new Set<string>();
  const decoder = new TextDecoder();
  let buffer = "";
  let events = 0;
  for await (const chunk of res.body) {
    const at = Date.now();
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split("\n").find((l) => l.startsWith("data: "));
      if (!data) continue;
      events++;
      const { pairs = [] } = JSON.parse(data.slice(6)) as { pairs?: { status: string; jobId: string | null }[] };
      for (const p of pairs) {
        if (p.status !== "succeeded" || !p.jobId || seen.has(p.jobId)) continue;
        seen.add(p.jobId);
        arrivals.push({ viewer, jobId: p.jobId, at });
      }
    }
  }
  return events;
}

/** The first moment the page's Succeeded count reached the pairs of every job ended so far, per job. */
function shownByCount(seen: { at: number; n: number }[], jobs: { end: number; pairs: number }[]): number[] {
  let total = 0;
  return [...jobs]
    .sort((a, b) => a.end - b.end)
    .map((job) => {
      total += job.pairs;
      return (seen.find((s) => s.n >= total)?.at ?? NaN) - job.end;
    });
}

if (!existsSync(".next/BUILD_ID")) {
  console.log("batch live: skipped, it runs the built console: npm run build");
  process.exit(0);
}

const { url: emulatorUrl, child: emulatorProcess } = await startEmulator(["--seed", "large"]);
const dir = mkdtempSync(join(tmpdir(), "imshare-bench-live-"));
const databaseUrl = `file:${join(dir, "console.db")}`;
const app = await startConsole(emulatorUrl, {
  DATABASE_URL: databaseUrl,
  IMS_BATCH_CHUNK_SIZE: "1",
  BATCH_POLL_MS: String(POLL_MS),
  IMSHARE_INSTANCE_ID: INSTANCE,
});
try {
  const { createBatch } = await import("@/lib/batches/store");
  const { openDatabase, migrate } = await import("@/lib/db/connect");
  const { browser, page, cookie } = await signInAlice(app.url, "/batches");
  const db = await openDatabase(databaseUrl);
  await migrate(db);
  await fetch(`${emulatorUrl}/__emulator/config`, { method: "PUT", body: JSON.stringify({ jobTiming: JOB_TIMING }) });
  const token = await login(emulatorUrl, "alice", "alice-demo-2026", "acme");
  const targets = benchProjects(TARGETS).map((p) => ({ kind: "project" as const, value: p.id, memberId: p.id }));

  /** Launches a batch of fresh bulk images (none shared by the seed: not multiples of 10), after clearing the counts. */
  const launch = async (round: number) => {
    const images = Array.from({ length: IMAGES }, (_, i) => round * IMAGES + i)
      .map((i) => i + 1 + Math.floor(i / 9))
      .map((n) => ({ id: bulkImageId(n), name: `bulk-${String(n).padStart(4, "0")}`, service: "ims" as const }));
    const pairs = images.flatMap((_, image) =>
      targets.map((_, target) =>
        target <= image % TARGETS
          ? { image, target, status: "waiting" as const }
          : { image, target, status: "excluded" as const, reason: text("batches.pairReason.excluded") },
      ),
    );
    await fetch(`${emulatorUrl}/__emulator/stats`, { method: "DELETE" });
    const id = await createBatch(db, { actor: BENCH_ACTOR, operation: "share", images, targets, pairs });
    return { id, sent: pairs.filter((p) => p.status === "waiting").length };
  };
  /** Each job's end, from the emulator (read after the counts: these are job reads too). */
  const jobEnds = async (jobs: string[]) => {
    const ends = new Map<string, number>();
    for (const job of jobs) {
      const res = await fetch(`${emulatorUrl}/v1/${BENCH_ACTOR.projectId}/jobs/${job}`, {
        headers: { "X-Auth-Token": token },
      });
      const body = (await res.json()) as { end_time: string | null; status: string };
      if (body.status !== "SUCCESS" || !body.end_time) throw new Error(`job ${job}: ${body.status}`);
      ends.set(job, Date.parse(body.end_time));
    }
    return ends;
  };
  const ms = (t: number[]) =>
    `p50 ${percentile(t, 0.5).toFixed(0)} ms, p95 ${percentile(t, 0.95).toFixed(0)} ms, max ${Math.max(...t).toFixed(0)} ms`;
  const title = (how: string) =>
    `batch live: ${IMAGES} images × 1 to ${TARGETS} projects, chunk size 1, ${how}, job timing ${JSON.stringify(JOB_TIMING)}, BATCH_POLL_MS ${POLL_MS}`;

  for (const [round, viewers] of VIEWERS.entries()) {
    const { id } = await launch(round);
    const started = Date.now();
    const arrivals: Arrival[] = [];
    const events = await Promise.all(
      Array.from({ length: viewers }, (_, v) => view(`${app.url}/api/batches/${id}/events`, cookie, v, arrivals)),
    );
    const seconds = (Date.now() - started) / 1000;

    const { routes, jobPolls } = await emulatorSnapshot(emulatorUrl);
    const jobs = Object.keys(jobPolls);
    const lastPoll = new Map(jobs.map((j) => [j, Math.max(...jobPolls[j].map((p) => p.at))]));
    const pollsPerJob = jobs.map((j) => jobPolls[j].length);
    const clients = new Set(jobs.flatMap((j) => jobPolls[j].map((p) => p.client)));
    const ends = await jobEnds(jobs);
    if (arrivals.length !== jobs.length * viewers)
      throw new Error(`expected ${jobs.length * viewers} arrivals, got ${arrivals.length}`);
    const display = arrivals.map((a) => a.at - (ends.get(a.jobId) ?? NaN));
    const pipeline = arrivals.map((a) => a.at - (lastPoll.get(a.jobId) ?? NaN));
    printTable(title(`${viewers} SSE viewer(s)`), [
      ["jobs", jobs.length],
      ["job end → shown succeeded (target p95 < 1 s)", `${ms(display)} over ${display.length} job × viewer samples`],
      ["tracker's last job read → shown", ms(pipeline)],
      [
        "job reads per job (min / median / max)",
        `${Math.min(...pollsPerJob)} / ${percentile(pollsPerJob, 0.5)} / ${Math.max(...pollsPerJob)}`,
      ],
      ["GET job requests in all", countRoutes(routes, "GET /v1/cloudimages/job/", "GET /v1/{id}/jobs/")],
      ["job readers (User-Agent)", [...clients].join(", ")],
      ["events per viewer (min / max)", `${Math.min(...events)} / ${Math.max(...events)}`],
      ["batch wall time", `${seconds.toFixed(1)} s`],
    ]);
  }

  // Chromium on the batch's page: when its Succeeded count shows each job's pairs.
  const { id, sent } = await launch(VIEWERS.length);
  const seen: { at: number; n: number }[] = [];
  await page.exposeFunction(
    "benchSucceeded",
    (text: string) => void seen.push({ at: Date.now(), n: Number(text.replace(/\D/g, "")) }),
  );
  await page.goto(`${app.url}/batches/${id}`);
  const counter = await page
    .getByRole("region", { name: "Progress" })
    .locator("dt", { hasText: /^Succeeded$/ })
    .locator("+ dd")
    .elementHandle();
  await page.evaluate((el) => {
    const report = (window as unknown as { benchSucceeded: (t: string) => void }).benchSucceeded;
    report(el?.textContent ?? "");
    if (el)
      new MutationObserver(() => report(el.textContent ?? "")).observe(el, {
        childList: true,
        characterData: true,
        subtree: true,
      });
  }, counter);
  const deadline = Date.now() + 120_000;
  while ((seen.at(-1)?.n ?? 0) < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await browser.close();
  const { jobPolls } = await emulatorSnapshot(emulatorUrl);
  const ends = await jobEnds(Object.keys(jobPolls));
  const calls = await db.selectFrom("batch_calls").select(["job_id", "body"]).where("batch_id", "=", id).execute();
  const jobs = calls.map((c) => ({
    end: ends.get(c.job_id ?? "") ?? NaN,
    pairs: (JSON.parse(c.body) as { projects: string[] }).projects.length,
  }));
  const shown = shownByCount(seen, jobs);
  printTable(title("Chromium on /batches/<id>"), [
    ["jobs", jobs.length],
    ["job end → Succeeded count includes it", `${ms(shown)} over ${shown.length} jobs`],
    ["Succeeded count at the end", `${seen.at(-1)?.n ?? 0} of ${sent}`],
  ]);
  await db.destroy();
} finally {
  app.stop();
  emulatorProcess.kill();
  rmSync(dir, { recursive: true, force: true });
}
