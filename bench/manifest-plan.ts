// Planning a manifest of 200 own images × 100 projects (20,000 pairs) against the large seed, end to end on
// the server's code path: parsing the YAML (about 1 MB: every pair written out), loading the world from the
// emulator (5,000+ own images listed, the 200 images' members, leases and the policy from a temporary SQLite
// file) and deciding every pair. Target (issue 18): under 5 s; the script exits 1 above it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH_ACTOR, benchProjects, bulkImageId, emulatorSnapshot, login, printTable, startEmulator } from "./lib";

const IMAGES = 200;
const TARGETS = 100;
const RUNS = 3;
const TARGET_MS = 5_000;

const { url: emulatorUrl, child: emulatorProcess } = await startEmulator(["--seed", "large"]);
const dir = mkdtempSync(join(tmpdir(), "imshare-bench-manifest-"));
process.env.CLOUD_ENDPOINT = emulatorUrl;
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-xx";
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
let failed = false;
try {
  const { parseManifest } = await import("@/lib/manifest/parse");
  const { loadManifestWorld } = await import("@/lib/manifest/world");
  const { planManifest } = await import("@/lib/manifest/plan");

  const projects = benchProjects(TARGETS);
  const lines = ["version: 1", "region: ap-southeast-1", `project: ${BENCH_ACTOR.projectId}`, "images:"];
  for (let i = 1; i <= IMAGES; i++) {
    lines.push(`  - id: ${bulkImageId(i)}`, "    targets:");
    for (const p of projects) lines.push(`      - project: ${p.id}`);
  }
  const source = `${lines.join("\n")}\n`;

  const token = await login(emulatorUrl, "alice", "alice-demo-2026", "acme");
  const session = { ...BENCH_ACTOR, id: "bench", roles: [], token, tokenExpiresAt: Date.now() + 3_600_000 };
  const ctx = { session, scope: { token, region: BENCH_ACTOR.region, projectId: BENCH_ACTOR.projectId } };

  const runs: { parse: number; world: number; plan: number; total: number }[] = [];
  let counts: Record<string, number> = {};
  let requests = 0;
  for (let run = 0; run < RUNS; run++) {
    await fetch(`${emulatorUrl}/__emulator/stats`, { method: "DELETE" });
    const t0 = performance.now();
    const manifest = parseManifest(source);
    const t1 = performance.now();
    const world = await loadManifestWorld(manifest, ctx);
    const t2 = performance.now();
    const plan = planManifest(manifest, world);
    const t3 = performance.now();
    runs.push({ parse: t1 - t0, world: t2 - t1, plan: t3 - t2, total: t3 - t0 });
    counts = plan.counts;
    requests = (await emulatorSnapshot(emulatorUrl)).total;
  }

  const ms = (t: number) => `${Math.round(t)} ms`;
  const worst = Math.max(...runs.map((r) => r.total));
  failed = worst > TARGET_MS;
  printTable(`manifest plan: ${IMAGES} images × ${TARGETS} projects, large seed`, [
    ["manifest", `${(Buffer.byteLength(source) / 1024).toFixed(0)} KiB of YAML`],
    [
      "pairs",
      Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
    ],
    ["emulator requests per plan", requests],
    ...runs.map((r, i): [string, string] => [
      `run ${i + 1}`,
      `${ms(r.total)} (parse ${ms(r.parse)}, load world ${ms(r.world)}, plan ${ms(r.plan)})`,
    ]),
    ["target", `under ${ms(TARGET_MS)}: ${failed ? "MISSED" : "met"} (worst run ${ms(worst)})`],
  ]);
} finally {
  emulatorProcess.kill();
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
