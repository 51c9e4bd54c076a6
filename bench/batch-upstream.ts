// A real 200 × 100 batch share (20,000 pairs) through the real tracker against the emulator with the
// large seed: how many upstream requests it costs (target: a few calls per chunk, far under one per
// pair), at the default chunk size (50 images a call) and at 10. The emulator runs in its own
// process; the tracker runs here, on a temporary SQLite file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BENCH_ACTOR,
  benchProjects,
  bulkImageId,
  countRoutes,
  emulatorSnapshot,
  login,
  printTable,
  startEmulator,
} from "./lib";

const IMAGES = 200;
const TARGETS = 100;
const CHUNKS = [50, 10];
/** Each job spends 300 ms in INIT, then 1 ms a pair (5 s for a call of 50 images × 100 projects). */
const JOB_TIMING = { initMs: 300, itemMs: 1, maxRunMs: 0 };
const POLL_MS = 500;

const { url: emulatorUrl, child: emulatorProcess } = await startEmulator(["--seed", "large"]);
const dir = mkdtempSync(join(tmpdir(), "imshare-bench-upstream-"));
process.env.CLOUD_ENDPOINT = emulatorUrl;
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-xx";
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
process.env.IMSHARE_INSTANCE_ID = "bench-upstream";
try {
  const { Tracker } = await import("@/lib/batches/tracker");
  const { createBatch, getBatch } = await import("@/lib/batches/store");
  const { openDatabase, migrate } = await import("@/lib/db/connect");
  const db = await openDatabase(process.env.DATABASE_URL);
  await migrate(db);

  // Bulk images without members: every tenth of the seed is already shared.
  const images = Array.from({ length: IMAGES }, (_, i) => i + 1 + Math.floor(i / 9)).map((n) => ({
    id: bulkImageId(n),
    name: `bulk-${String(n).padStart(4, "0")}`,
    service: "ims" as const,
  }));
  const targets = benchProjects(TARGETS).map((p) => ({ kind: "project" as const, value: p.id, memberId: p.id }));
  const pairs = images.flatMap((_, image) =>
    targets.map((_, target) => ({ image, target, status: "waiting" as const })),
  );

  for (const chunkImages of CHUNKS) {
    const control = (method: string, path: string, body?: unknown) =>
      fetch(`${emulatorUrl}/__emulator${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    await control("POST", "/reset", { seed: "large" });
    await control("PUT", "/config", { jobTiming: JOB_TIMING });
    const token = await login(emulatorUrl, "alice", "alice-demo-2026", "acme");
    const tokens = { tokenFor: async () => ({ token, expiresAt: Date.now() + 3600_000 }), refused: () => {} };
    const id = await createBatch(db, { actor: BENCH_ACTOR, operation: "share", images, targets, pairs });
    await control("DELETE", "/stats");

    const started = performance.now();
    const tracker = new Tracker({ db, tokens, instanceId: "bench-upstream", chunkImages, pollMs: POLL_MS }).start();
    try {
      await tracker.drain(300_000);
    } finally {
      await tracker.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const batch = await getBatch(db, id, { accountId: BENCH_ACTOR.accountId, projectId: BENCH_ACTOR.projectId });
    if (batch?.counts.succeeded !== pairs.length)
      throw new Error(`expected ${pairs.length} pairs succeeded, got ${JSON.stringify(batch?.counts)}`);

    const { total, routes, jobPolls } = await emulatorSnapshot(emulatorUrl);
    const calls = countRoutes(routes, "POST /v1/cloudimages/members");
    const progressPolls = countRoutes(routes, "GET /v1/cloudimages/job/");
    const jobReads = countRoutes(routes, "GET /v1/{id}/jobs/");
    const memberReads = countRoutes(routes, "GET /v1/{id}/cloudimages/{id}/members", "GET /v2/images/{id}/members");
    const perJob = Object.values(jobPolls).map((list) => list.length);
    printTable(
      `batch upstream: ${IMAGES} images × ${TARGETS} projects, chunk size ${chunkImages}, job timing ${JSON.stringify(JOB_TIMING)}, poll ${POLL_MS} ms`,
      [
        ["pairs succeeded", batch.counts.succeeded],
        ["IMS batch calls (POST members)", calls],
        ["job progress polls (GET /v1/cloudimages/job/{id})", progressPolls],
        ["job reads (GET /v1/{project}/jobs/{id})", jobReads],
        ["job reads per job (min / max)", `${Math.min(...perJob)} / ${Math.max(...perJob)} over ${perJob.length} jobs`],
        ["member reads", memberReads],
        ["upstream requests in all", total],
        ["requests per pair", (total / pairs.length).toFixed(4)],
        ["wall time", `${seconds.toFixed(2)} s`],
      ],
    );
  }
  await db.destroy();
} finally {
  emulatorProcess.kill();
  rmSync(dir, { recursive: true, force: true });
}
