// History reads at scale (targets: first page of a filtered query p95 < 50 ms; a full CSV export
// under 100 MB of memory growth). Writes 1,000,000 events (rows and audit_refs as the writer would,
// with a valid chain) into a throwaway SQLite file and a throwaway PostgreSQL database, then times
// the first page by image, by user and by time range (and a few more shapes), and a full export of
// the largest project through the same iterator, encoder and byte stream as the export route.
import type { Kysely } from "kysely";
import { historyCsvLines } from "@/lib/audit/export";
import { historyFilterSchema } from "@/lib/audit/filter";
import { activityByDay, listEvents, streamEvents, type HistoryScope } from "@/lib/audit/read";
import { textStream } from "@/lib/batches/export";
import { migrate } from "@/lib/db/connect";
import { backends } from "@/lib/db/testing";
import type { Database } from "@/lib/db/types";
import { imageId, load, NOW, TOTAL } from "./history-data";

const RUNS = 50;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
}

async function time(fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    t.push(performance.now() - started);
  }
  t.sort((a, b) => a - b);
  return { p50: percentile(t, 0.5), p95: percentile(t, 0.95) };
}

async function exportAll(db: Kysely<Database>, scope: HistoryScope) {
  const filter = historyFilterSchema.parse({});
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  // A timer, and after every chunk too: SQLite's reads are synchronous and would starve the timer.
  const sampler = setInterval(sample, 20);
  const started = performance.now();
  const header = { filter, ...scope, exportedAt: new Date().toISOString() };
  const reader = textStream(historyCsvLines(header, streamEvents(db, scope, filter))).getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    sample();
    for (const b of value) if (b === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const mb = (n: number) => n / 1024 / 1024;
  return {
    rows: lines - 2,
    seconds,
    mb: mb(bytes),
    rssGrowth: mb(peakRss - baseline.rss),
    heapGrowth: mb(peakHeap - baseline.heapUsed),
  };
}

const results: string[] = [];
const row = (cells: (string | number)[]) =>
  results.push(cells.map((c, i) => String(c).padEnd(i === 0 ? 12 : i === 1 ? 44 : 12)).join(""));
const ms = (n: number) => `${n.toFixed(1)} ms`;
const main: HistoryScope = { accountId: "acme", projectId: "acme-p1" };

/** `BENCH_HISTORY_BACKENDS=PostgreSQL` runs one; `BENCH_HISTORY_KEEP=1` leaves the databases for a look (and prints where). */
const only = process.env.BENCH_HISTORY_BACKENDS?.split(",");
const keep = process.env.BENCH_HISTORY_KEEP === "1";
for (const backend of backends.filter((b) => !only || only.includes(b.name))) {
  const { db, url, cleanup } = await backend.open();
  try {
    await migrate(db);
    const seconds = await load(db, url, backend.name === "PostgreSQL");
    const [{ n }] = await db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("account_id", "=", main.accountId)
      .where("project_id", "=", main.projectId)
      .execute();
    console.log(
      `${backend.name}: ${TOTAL.toLocaleString("en")} events written in ${seconds.toFixed(1)} s; the benchmarked project holds ${Number(n).toLocaleString("en")}`,
    );
    const f = (raw: Record<string, unknown>) => historyFilterSchema.parse(raw);
    const week = { from: "2026-06-01", to: "2026-06-07" };
    const shapes: [string, Record<string, unknown>][] = [
      ["by image", { image: imageId("acme", 17) }],
      ["by user", { user: "chen" }],
      ["by time range (7 days)", week],
      ["no filter", {}],
      ["image + user + failed", { image: imageId("acme", 17), user: "chen", outcome: "failed" }],
      ["by member (target)", { member: "acme-target-7" }],
      ["action batch_finished + week", { action: "batch_finished", ...week }],
      ["free text IMG.0112 + week", { q: "IMG.0112", ...week }],
    ];
    for (const [name, raw] of shapes) {
      const filter = f(raw);
      const { p50, p95 } = await time(() => listEvents(db, main, filter, { limit: 50 }));
      row([backend.name, `first page, ${name}`, ms(p50), ms(p95), p95 < 50 ? "ok" : "OVER 50 ms"]);
    }
    const older = await listEvents(db, main, f({ user: "chen" }), { limit: 50 * 200 });
    const deep = await time(() => listEvents(db, main, f({ user: "chen" }), { cursor: older.next, limit: 50 }));
    row([backend.name, "page 201, by user (keyset)", ms(deep.p50), ms(deep.p95), deep.p95 < 50 ? "ok" : "OVER 50 ms"]);
    const chart = await time(() => activityByDay(db, main, f({}), { now: NOW }));
    row([backend.name, "chart, 30 days by action", ms(chart.p50), ms(chart.p95), ""]);
    const e = await exportAll(db, main);
    results.push(
      `${backend.name.padEnd(12)}full CSV export: ${e.rows.toLocaleString("en")} rows, ${e.mb.toFixed(0)} MB in ${e.seconds.toFixed(1)} s; peak RSS growth ${e.rssGrowth.toFixed(1)} MB, peak heap growth ${e.heapGrowth.toFixed(1)} MB ${e.rssGrowth < 100 ? "(ok)" : "(OVER 100 MB)"}`,
    );
  } finally {
    await db.destroy();
    if (keep) console.log(`${backend.name} kept: ${url}`);
    else await cleanup();
  }
}

console.log(
  `\n${"backend".padEnd(12)}${"query".padEnd(44)}${"p50".padEnd(12)}${"p95".padEnd(12)}target < 50 ms (${RUNS} runs each)`,
);
for (const line of results) console.log(line);
if (keep) process.exit(0);
