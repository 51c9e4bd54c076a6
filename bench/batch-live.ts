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
import { BENCH_ACTOR, benchProjects, bulkImageId, countRoutes, emulatorSnapshot, login, percentile, printTable, signInAlice, startConsole, startEmulator } from "./lib";

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

if (!existsSync(".next/BUILD_ID")) {
  console.log("batch live: skipped, it runs the built console: npm run build");
  process.exit(0);
}

const { url: emulatorUrl, child: emulatorProcess } = await startEmulator(["--seed", "large"]);
const dir = mkdtempSync(join(tmpdir(), "imshare-bench-live-"));
const databaseUrl = `file:${join(dir, "console.db")}`;
const app = await startConsole(emulatorUrl, { DATABASE_URL: databaseUrl, IMS_BATCH_CHUNK_SIZE: "1", BATCH_POLL_MS: String(POLL_MS), IMSHARE_INSTANCE_ID: INSTANCE });
try {
  const { createBatch } = await import("@/lib/batches/store");
  const { openDatabase, migrate } = await import("@/lib/db/connect");
  const { browser, cookie } = await signInAlice(app.url, "/batches");
  await browser.close();
  const db = await openDatabase(databaseUrl);
  await migrate(db);
  await fetch(`${emulatorUrl}/__emulator/config`, { method: "PUT", body: JSON.stringify({ jobTiming: JOB_TIMING }) });
  const token = await login(emulatorUrl, "alice", "alice-demo-2026", "acme");
  const targets = benchProjects(TARGETS).map((p) => ({ kind: "project" as const, value: p.id, memberId: p.id }));

  for (const [round, viewers] of VIEWERS.entries()) {
    // Fresh bulk images each round (none of them shared by the seed: not multiples of 10).
    const images = Array.from({ length: IMAGES }, (_, i) => round * IMAGES + i)
      .map((i) => i + 1 + Math.floor(i / 9))
      .map((n) => ({ id: bulkImageId(n), name: `bulk-${String(n).padStart(4, "0")}`, service: "ims" as const }));
    const pairs = images.flatMap((_, image) =>
      targets.map((_, target) => (target <= image % TARGETS ? { image, target, status: "waiting" as const } : { image, target, status: "excluded" as const, reason: "Taken out of the plan." })),
    );
    await fetch(`${emulatorUrl}/__emulator/stats`, { method: "DELETE" });
    const id = await createBatch(db, { actor: BENCH_ACTOR, operation: "share", images, targets, pairs });
    const started = Date.now();
    const arrivals: Arrival[] = [];
    const events = await Promise.all(Array.from({ length: viewers }, (_, v) => view(`${app.url}/api/batches/${id}/events`, cookie, v, arrivals)));
    const seconds = (Date.now() - started) / 1000;

    // Counts first: the reads of end times below are job reads too.
    const { routes, jobPolls } = await emulatorSnapshot(emulatorUrl);
    const jobs = Object.keys(jobPolls);
    const lastPoll = new Map(jobs.map((j) => [j, Math.max(...jobPolls[j].map((p) => p.at))]));
    const pollsPerJob = jobs.map((j) => jobPolls[j].length);
    const clients = new Set(jobs.flatMap((j) => jobPolls[j].map((p) => p.client)));
    const endTime = new Map<string, number>();
    for (const job of jobs) {
      const res = await fetch(`${emulatorUrl}/v1/${BENCH_ACTOR.projectId}/jobs/${job}`, { headers: { "X-Auth-Token": token } });
      const body = (await res.json()) as { end_time: string | null; status: string };
      if (body.status !== "SUCCESS" || !body.end_time) throw new Error(`job ${job}: ${body.status}`);
      endTime.set(job, Date.parse(body.end_time));
    }
    const display = arrivals.map((a) => a.at - (endTime.get(a.jobId) ?? NaN));
    const pipeline = arrivals.map((a) => a.at - (lastPoll.get(a.jobId) ?? NaN));
    if (arrivals.length !== jobs.length * viewers) throw new Error(`expected ${jobs.length * viewers} arrivals, got ${arrivals.length}`);
    const ms = (t: number[]) => `p50 ${percentile(t, 0.5).toFixed(0)} ms, p95 ${percentile(t, 0.95).toFixed(0)} ms, max ${Math.max(...t).toFixed(0)} ms`;
    printTable(`batch live: ${IMAGES} images × ${TARGETS} projects, 1 to ${TARGETS} projects an image, chunk size 1, ${viewers} SSE viewer(s), job timing ${JSON.stringify(JOB_TIMING)}, BATCH_POLL_MS ${POLL_MS}`, [
      ["jobs", jobs.length],
      ["job end → shown succeeded (target p95 < 1 s)", `${ms(display)} over ${display.length} job × viewer samples`],
      ["tracker's last job read → shown", ms(pipeline)],
      ["job reads per job (min / median / max)", `${Math.min(...pollsPerJob)} / ${percentile(pollsPerJob, 0.5)} / ${Math.max(...pollsPerJob)}`],
      ["GET job requests in all", countRoutes(routes, "GET /v1/cloudimages/job/", "GET /v1/{id}/jobs/")],
      ["job readers (User-Agent)", [...clients].join(", ")],
      ["events per viewer (min / max)", `${Math.min(...events)} / ${Math.max(...events)}`],
      ["batch wall time", `${seconds.toFixed(1)} s`],
    ]);
  }
  await db.destroy();
} finally {
  app.stop();
  emulatorProcess.kill();
  rmSync(dir, { recursive: true, force: true });
}
