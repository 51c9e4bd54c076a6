// Planning a batch of 200 images × 100 projects (20,000 pairs) on the server's code path: the pure
// planner fed facts shaped as `loadFacts` (lib/sharing/facts.ts) returns them, the size of the compact view the browser
// gets, and `createBatch` writing the 20,000 pairs on SQLite and (if reachable) PostgreSQL.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { DEMO } from "../emulator/seed/demo";
import { text } from "@/lib/i18n/text";
import { BENCH_ACTOR, benchProjects, percentile, printTable } from "./lib";

const IMAGES = 200;
const TARGETS = 100;
const RUNS = 20;
const STORE_RUNS = 3;
const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-xx";
const { planBatch, pairsOf } = await import("@/lib/batches/plan");
const { createBatch } = await import("@/lib/batches/store");
const { openDatabase, migrate } = await import("@/lib/db/connect");
type Facts = Parameters<typeof planBatch>[0];
type Database = import("@/lib/db/types").Database;

const projects = benchProjects(TARGETS + 40);
const targets = projects.slice(0, TARGETS);

/**
 * Facts as `loadFacts` (lib/sharing/facts.ts) returns them: IMS images of acme with 0 to 60 members each (some of them
 * among the targets, so some pairs are skipped), a few full (255 of 256) and a few encrypted; the
 * user's own three acme projects as the known ones.
 */
function facts(): Facts {
  const images = Array.from({ length: IMAGES }, (_, i) => {
    const count = i % 25 === 7 ? 255 : (i * 7) % 61;
    const memberIds = Array.from({ length: count }, (_, m) =>
      m % 3 === 0 ? projects[(i + m) % projects.length].id : `f0f0${(i * 1000 + m).toString(16).padStart(28, "0")}`,
    );
    const encrypted = i % 50 === 13;
    return {
      id: `1b7f0000-0000-4000-8000-${(1_000_000 + i + 1).toString().padStart(12, "0")}`,
      name: `bulk-${String(i + 1).padStart(4, "0")}`,
      service: "ims" as const,
      owned: true,
      ...(encrypted ? { shareBlocker: text("sharing.blockers.encrypted.reason") } : {}),
      memberIds: [...new Set(memberIds)],
      limit: 256,
      kind: "system" as const,
      tags: [],
      encrypted,
    };
  });
  return {
    operation: "share",
    images,
    targets: targets.map((p) => ({
      ok: true as const,
      target: { kind: "project" as const, value: p.id, memberId: p.id },
    })),
    owner: { projectId: DEMO.acmeAp, accountId: DEMO.acme, region: "ap-southeast-1" },
    knownProjects: [
      { id: DEMO.acmeAp, name: "ap-southeast-1" },
      { id: DEMO.acmeCn, name: "cn-north-4" },
    ],
  };
}

// The planner mutates targets (labels): each run gets fresh facts, built outside the timing.
const plans: number[] = [];
let view = planBatch(facts());
for (let i = 0; i < RUNS; i++) {
  const input = facts();
  const started = performance.now();
  view = planBatch(input);
  plans.push(performance.now() - started);
}
const json = JSON.stringify(view);
const pairs = pairsOf(view, new Set());

async function timeCreate(db: Kysely<Database>): Promise<number[]> {
  await migrate(db);
  const times: number[] = [];
  for (let i = 0; i < STORE_RUNS; i++) {
    const started = performance.now();
    await createBatch(db, {
      actor: BENCH_ACTOR,
      operation: "share",
      images: view.images.map(({ id, name, service }) => ({ id, name, service })),
      targets: view.targets.map(({ kind, value, memberId }) => ({ kind, value, memberId })),
      pairs,
    });
    times.push(performance.now() - started);
  }
  return times;
}

const dir = mkdtempSync(join(tmpdir(), "imshare-bench-plan-"));
const sqlite = await openDatabase(`file:${join(dir, "bench.db")}`);
let sqliteTimes: number[];
try {
  sqliteTimes = await timeCreate(sqlite);
} finally {
  await sqlite.destroy();
  rmSync(dir, { recursive: true, force: true });
}

let pgTimes: number[] | string;
const admin = await openDatabase(PG_ADMIN_URL);
const name = `imshare_bench_${randomBytes(6).toString("hex")}`;
try {
  await sql.raw(`create database ${name}`).execute(admin);
  const pg = await openDatabase(PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`));
  try {
    pgTimes = await timeCreate(pg);
  } finally {
    await pg.destroy();
    // The pool's Terminate messages are sent, not yet processed: let them land before the forced drop.
    await new Promise((r) => setTimeout(r, 200));
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin);
  }
} catch (e) {
  pgTimes = `not reachable (${(e as Error).message})`;
} finally {
  await admin.destroy();
}

const ms = (t: number) => `${t.toFixed(1)} ms`;
const summary = (t: number[] | string) =>
  typeof t === "string" ? t : `median ${ms(percentile(t, 0.5))}, max ${ms(Math.max(...t))} (${t.length} runs)`;
printTable(`batch plan: ${IMAGES} images × ${TARGETS} projects`, [
  [
    "pairs",
    `${view.counts.pairs} (send ${view.counts.send}, skip ${view.counts.skip}, blocked ${view.counts.blocked})`,
  ],
  ["planBatch, per plan", `median ${ms(percentile(plans, 0.5))}, p95 ${ms(percentile(plans, 0.95))} (${RUNS} runs)`],
  [
    "compact view JSON",
    `${Buffer.byteLength(json)} bytes (${(Buffer.byteLength(json) / 1024).toFixed(1)} KiB, ${view.reasons.length} distinct reasons)`,
  ],
  ["createBatch, SQLite (temp file)", summary(sqliteTimes)],
  ["createBatch, PostgreSQL", summary(pgTimes)],
]);
