// Issue 17's target: 10,000 leases ending in the same minute are all removed within the following
// minute against the emulator, on one instance and on two instances sharing PostgreSQL, with no lease
// removed twice. The emulator (large seed, 100 bulk images × 100 bench projects as members) runs in
// this process on a loopback port; each scheduler instance is its own process (bench/leases-worker.ts)
// running the production LeaseScheduler with its defaults. The leases' ends are spread over 10 s a few
// seconds ahead, in real time; what counts is the time from the last end until no lease is active.
// Exits 1 when a run misses the minute or anything was removed twice.
import { serve, type ServerType } from "@hono/node-server";
import { fork, type ChildProcess } from "node:child_process";
import { sql } from "kysely";
import { member } from "@/emulator/seed/builders";
import { createEmulator } from "@/emulator/server";
import { wrapEmulator } from "@/emulator/testing";
import { migrate } from "@/lib/db/connect";
import { backends } from "@/lib/db/testing";
import { setLeases } from "@/lib/sharing/leases";
import type { WorkerReport, WorkerStart } from "./leases-worker";
import { BENCH_ACTOR, benchProjects, bulkImageId, countRoutes, percentile, printTable } from "./lib";

const IMAGES = 100;
const TARGETS = 100;
/** Each job spends 300 ms in INIT, then 1 ms a pair, as bench/batch-upstream.ts. */
const JOB_TIMING = { initMs: 300, itemMs: 1, maxRunMs: 0 };
/** The first end comes this long after the leases are in place; the ends then spread over SPREAD_MS. */
const LEAD_MS = 3_000;
const SPREAD_MS = 10_000;
const TARGET_MS = 60_000;
const RUNS = [
  { backend: "SQLite", instances: 1 },
  { backend: "PostgreSQL", instances: 1 },
  { backend: "PostgreSQL", instances: 2 },
] as const;

const emulator = wrapEmulator(createEmulator({ seed: "large", config: { jobTiming: JOB_TIMING } }));
const { server, url: emulatorUrl } = await serveOnBenchPort();
/** Bulk images the seed left unshared (it shares every tenth). */
const images = Array.from({ length: IMAGES }, (_, i) => i + 1 + Math.floor(i / 9)).map(bulkImageId);
const targets = benchProjects(TARGETS).map((p) => p.id);
/** Each lease's end within the spread: a fixed permutation, so every pass meets every image. */
const offsetOf = (image: number, target: number) =>
  (((image * TARGETS + target) * 7919) % (IMAGES * TARGETS)) % SPREAD_MS;

/** Serves the emulator on the first free port of 4730-4739. */
async function serveOnBenchPort(): Promise<{ server: ServerType; url: string }> {
  for (let port = 4730; port <= 4739; port++) {
    const s = await new Promise<ServerType | undefined>((resolve) => {
      const s = serve({ fetch: emulator.app.fetch, port, hostname: "127.0.0.1" }, () => resolve(s));
      s.once("error", () => resolve(undefined));
    });
    if (s) return { server: s, url: `http://127.0.0.1:${port}` };
  }
  throw new Error("no free port in 4730-4739 for the emulator");
}

function startWorker(instanceId: string, start: WorkerStart, reports: (r: WorkerReport) => void): ChildProcess {
  const child = fork("bench/leases-worker.ts", {
    execArgv: ["--conditions", "react-server", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: {
      ...process.env,
      CLOUD_ENDPOINT: emulatorUrl,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-xx",
      IMSHARE_INSTANCE_ID: instanceId,
    },
  });
  child.on("message", reports);
  child.on("exit", (code) => {
    if (code === 0 || code === null) return;
    console.error(`leases: instance ${instanceId} exited with ${code}`);
    process.exit(1);
  });
  child.send(start);
  return child;
}

const until = (check: () => boolean) =>
  new Promise<void>((resolve) => {
    const poll = () => (check() ? resolve() : setTimeout(poll, 20));
    poll();
  });

async function run(backendName: string, instances: number): Promise<string[]> {
  const problems: string[] = [];
  emulator.reset("large");
  const now = Date.now();
  for (const image of images)
    for (const target of targets)
      emulator.emu.world.membersOf(image).set(target, member(image, target, "accepted", now));
  emulator.emu.changed();
  const token = await emulator.login("alice");

  const backend = backends.find((b) => b.name === backendName)!;
  const { db, url, cleanup } = await backend.open();
  try {
    await migrate(db);
    // Set far ahead (no scheduler is due, no warning is due), then moved into the window in one update.
    const far = Date.now() + 365 * 86_400_000;
    await db.transaction().execute(async (tx) => {
      for (const [i, image] of images.entries())
        for (const [t, target] of targets.entries()) {
          const m = { imageId: image, imageName: `bulk-${i}`, memberId: target, targetKind: "project", target };
          await setLeases(tx, "ims", [m], far + offsetOf(i, t), BENCH_ACTOR);
        }
    });

    const ids = Array.from({ length: instances }, (_, k) => `bench-lease-${String.fromCharCode(97 + k)}`);
    const ticks = new Map(ids.map((id) => [id, [] as Extract<WorkerReport, { type: "tick" }>[]]));
    const ended = new Map<string, number>();
    let ready = 0;
    const workers = ids.map((id) =>
      startWorker(id, { type: "start", databaseUrl: url, instanceId: id, token }, (r) => {
        if (r.type === "ready") ready++;
        else if (r.type === "tick") ticks.get(id)!.push(r);
        else ended.set(id, r.ended);
      }),
    );
    await until(() => ready === instances);
    emulator.stats.reset();

    const firstEnd = Date.now() + LEAD_MS;
    await sql`update share_leases set ends_at = ends_at - ${far} + ${firstEnd}`.execute(db);
    const [{ last }] = await db
      .selectFrom("share_leases")
      .select((eb) => eb.fn.max("ends_at").as("last"))
      .execute();
    const lastEnd = Number(last);
    let activeAtLastEnd = -1;
    let doneAt = NaN;
    const deadline = lastEnd + TARGET_MS + 30_000;
    while (Date.now() < deadline) {
      const [{ n }] = await db
        .selectFrom("share_leases")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("status", "=", "active")
        .execute();
      if (activeAtLastEnd < 0 && Date.now() >= lastEnd) activeAtLastEnd = Number(n);
      if (Number(n) === 0) {
        doneAt = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const w of workers) w.send({ type: "stop" });
    await until(() => ended.size === instances);

    const leases = await db.selectFrom("share_leases").select(["id", "image_id", "status", "end_outcome"]).execute();
    const outcomes = countBy(leases.map((l) => `${l.status}/${l.end_outcome ?? "-"}`));
    const events = await db.selectFrom("audit_events").select("input").where("action", "=", "lease_ended").execute();
    const audited = events.flatMap((e) =>
      (JSON.parse(e.input) as { leases: { id: string }[] }).leases.map((l) => l.id),
    );
    const auditedTwice = audited.length - new Set(audited).size;
    const deletes = [...emulator.emu.world.jobs.values()].filter((j) => j.type === "imsDelImageMembersJob");
    const pairs = deletes.flatMap((j) => j.items.map((i) => `${i.imageId}|${i.target.id}`));
    const pairsTwice = pairs.length - new Set(pairs).size;
    const left = images.reduce((n, image) => n + emulator.emu.world.membersOf(image).size, 0);
    const sizes = deletes.map((j) => j.items.length);
    const running = deletes.flatMap((j) => [
      { at: j.beginTime, d: 1 },
      { at: j.endTime ?? Infinity, d: -1 },
    ]);
    running.sort((a, b) => a.at - b.at || a.d - b.d);
    const mostRunning = running.reduce((m, e) => ({ n: m.n + e.d, most: Math.max(m.most, m.n + e.d) }), {
      n: 0,
      most: 0,
    });
    const routes = emulator.stats.snapshot().routes;
    const seconds = (doneAt - lastEnd) / 1000;
    const byInstance = ids.map((id) => {
      const t = ticks.get(id)!;
      const ms = t.map((x) => x.ms);
      return `${id} ended ${ended.get(id)} in ${t.length} passes (pass p50 ${percentile(ms, 0.5) || 0} ms, max ${Math.max(0, ...ms)} ms)`;
    });

    printTable(
      `leases: ${IMAGES * TARGETS} leases (${IMAGES} images × ${TARGETS} projects), ends spread over ${SPREAD_MS / 1000} s, ${instances} instance(s) on ${backendName}, job timing ${JSON.stringify(JOB_TIMING)}`,
      [
        [
          `last end → all ended (target < ${TARGET_MS / 1000} s)`,
          Number.isNaN(doneAt) ? "not within 90 s" : `${seconds.toFixed(2)} s`,
        ],
        ["still active at the last end", activeAtLastEnd],
        ["first end → all ended", Number.isNaN(doneAt) ? "—" : `${((doneAt - firstEnd) / 1000).toFixed(2)} s`],
        [
          "leases ended per second (first end → all ended)",
          Number.isNaN(doneAt) ? "—" : (leases.length / ((doneAt - firstEnd) / 1000)).toFixed(0),
        ],
        ...byInstance.map((s, k): [string, string] => [k === 0 ? "per instance" : "", s]),
        ["lease rows (status/outcome)", JSON.stringify(outcomes)],
        ["lease_ended events; lease ids in them (twice)", `${events.length}; ${audited.length} (${auditedTwice})`],
        [
          "DELETE jobs; pairs in them (twice, failed)",
          `${deletes.length}; ${pairs.length} (${pairsTwice}, ${deletes.flatMap((j) => j.items).filter((i) => i.state === "failed").length})`,
        ],
        [
          "pairs per DELETE call p50 / max; most jobs running at once",
          `${percentile(sizes, 0.5)} / ${Math.max(...sizes)}; ${mostRunning.most}`,
        ],
        ["members left on the images", left],
        [
          "upstream: DELETE calls / member reads / job reads / in all",
          `${countRoutes(routes, "DELETE /v1/cloudimages/members")} / ${countRoutes(routes, "GET /v1/{id}/cloudimages/{id}/members")} / ${countRoutes(routes, "GET /v1/{id}/jobs/")} / ${emulator.stats.total}`,
        ],
      ],
    );

    const total = IMAGES * TARGETS;
    if (Number.isNaN(doneAt) || doneAt - lastEnd >= TARGET_MS)
      problems.push(`${backendName} × ${instances}: missed the minute`);
    if (outcomes["ended/removed"] !== total)
      problems.push(`${backendName} × ${instances}: not every lease ended as removed`);
    if (auditedTwice > 0 || new Set(audited).size !== total)
      problems.push(`${backendName} × ${instances}: audit events do not list each lease once`);
    if (pairsTwice > 0 || pairs.length !== total || left > 0)
      problems.push(`${backendName} × ${instances}: the cloud was not asked to remove each pair once`);
    if ([...ended.values()].reduce((a, b) => a + b, 0) !== total)
      problems.push(`${backendName} × ${instances}: instances' counts do not add up`);
    for (const w of workers) if (w.exitCode === null) w.kill();
  } finally {
    await db.destroy();
    await cleanup();
  }
  return problems;
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

const problems: string[] = [];
try {
  for (const r of RUNS) problems.push(...(await run(r.backend, r.instances)));
} finally {
  server.close();
  emulator.close();
}
if (problems.length) {
  console.log(`leases: target missed:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
