// History reads at scale (targets: first page of a filtered query p95 < 50 ms; a full CSV export
// under 100 MB of memory growth). Writes 1,000,000 events (rows and audit_refs as the writer would,
// with a valid chain) into a throwaway SQLite file and a throwaway PostgreSQL database, then times
// the first page by image, by user and by time range (and a few more shapes), and a full export of
// the largest project through the same iterator, encoder and byte stream as the export route.
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { eventHash, GENESIS } from "@/lib/audit/chain";
import { historyCsvLines } from "@/lib/audit/export";
import { historyFilterSchema } from "@/lib/audit/filter";
import { activityByDay, listEvents, streamEvents, type HistoryScope } from "@/lib/audit/read";
import { textStream } from "@/lib/batches/export";
import { migrate } from "@/lib/db/connect";
import { backends } from "@/lib/db/testing";
import type { Database } from "@/lib/db/types";

const TOTAL = Number(process.env.BENCH_HISTORY_EVENTS ?? 1_000_000);
const RUNS = 50;
const DAY = 86_400_000;
const NOW = Date.parse("2026-11-22T00:00:00Z");
const SPAN = 365 * DAY;

/** Scopes and their share of the events: one big project, then smaller ones in three accounts. */
const SCOPES = [
  { account: "acme", project: "acme-p1", share: 0.6 },
  { account: "acme", project: "acme-p2", share: 0.1 },
  { account: "globex", project: "globex-p1", share: 0.15 },
  { account: "globex", project: "globex-p2", share: 0.05 },
  { account: "initech", project: "initech-p1", share: 0.1 },
];
const USERS = ["alice", "audrey", "bruno", "chen", "dana", "emil", "fatima", "goro"];
const IMAGES = 200;
const ACTIONS = [
  "share",
  "share",
  "share",
  "unshare",
  "accept",
  "accept",
  "reject",
  "batch_launched",
  "batch_finished",
  "signed_in",
  "signed_in",
  "signed_out",
];

let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
const imageId = (account: string, i: number) =>
  `${account.slice(0, 4)}0000-0000-4000-8000-${String(i).padStart(12, "0")}`;

function scopeOf(): (typeof SCOPES)[number] {
  let r = rand();
  for (const s of SCOPES) if ((r -= s.share) < 0) return s;
  return SCOPES[0];
}

type Row = Omit<Database["audit_events"], "seq"> & { seq: number };
type Ref = Database["audit_refs"];

/** One event as `writeAuditEvent` would write it, with its refs. */
function makeEvent(n: number, prev: Map<string, string>): { row: Row; refs: Ref[] } {
  const s = scopeOf();
  const action = pick(ACTIONS);
  const session = action.startsWith("signed");
  const batch = action.startsWith("batch") ? randomUUID() : undefined;
  const images = session
    ? []
    : Array.from(
        new Set(
          Array.from({ length: 1 + Math.floor(rand() * 3) }, () => imageId(s.account, Math.floor(rand() * IMAGES))),
        ),
      );
  const targets = session
    ? []
    : Array.from(
        { length: 1 + Math.floor(rand() * 2) },
        (_, i) => `${s.account}-target-${Math.floor(rand() * 50) + i}`,
      );
  const failed = !session && rand() < 0.08;
  const pairs = images.flatMap((image) =>
    targets.map((target) => ({
      image,
      target,
      outcome: failed && rand() < 0.5 ? "failed" : "succeeded",
      ...(failed ? { code: "IMG.0112" } : {}),
    })),
  );
  const cts = rand() < 0.05;
  const user = pick(USERS);
  const event = {
    id: randomUUID(),
    occurred_at: NOW - SPAN + Math.floor((n / TOTAL) * SPAN),
    account_id: s.account,
    account_name: s.account,
    user_id: `u-${user}`,
    user_name: user,
    project_id: s.project,
    project_name: "ap-southeast-1",
    region: "ap-southeast-1",
    action,
    source: cts ? ("cts" as const) : ("console" as const),
    outcome: failed
      ? pairs.some((p) => p.outcome === "succeeded")
        ? ("partial" as const)
        : ("failed" as const)
      : ("succeeded" as const),
    images: JSON.stringify(images),
    targets: JSON.stringify(targets),
    pairs: JSON.stringify(pairs),
    input: JSON.stringify(
      batch ? { batchId: batch, operation: "share" } : session ? {} : { imageIds: images, targets: targets.join("\n") },
    ),
    error_code: failed ? "IMG.0112" : null,
    error_message: failed ? "The member quota of this image is used up." : null,
    upstream_request_id: session ? null : randomUUID(),
    upstream_job_id: session || rand() < 0.5 ? null : `ff8080${randomUUID().replaceAll("-", "").slice(0, 26)}`,
    duration_ms: Math.floor(rand() * 3000),
    external_id: cts ? randomUUID() : null,
  };
  const prevHash = prev.get(s.account) ?? GENESIS;
  const hash = eventHash(event, prevHash);
  prev.set(s.account, hash);
  const seq = n + 1;
  const kinds: [string, string[]][] = [
    ["image", images],
    ["target", [...new Set(targets)]],
    ["batch", batch ? [batch] : []],
  ];
  const refs = kinds.flatMap(([kind, list]) =>
    list.map((ref) => ({
      account_id: s.account,
      project_id: s.project,
      kind,
      ref,
      occurred_at: event.occurred_at,
      seq,
    })),
  );
  return { row: { ...event, seq, prev_hash: prevHash, hash }, refs };
}

const EVENT_COLUMNS = [
  "seq",
  "id",
  "occurred_at",
  "account_id",
  "account_name",
  "user_id",
  "user_name",
  "project_id",
  "project_name",
  "region",
  "action",
  "source",
  "outcome",
  "images",
  "targets",
  "pairs",
  "input",
  "error_code",
  "error_message",
  "upstream_request_id",
  "upstream_job_id",
  "duration_ms",
  "prev_hash",
  "hash",
  "external_id",
] as const;
const REF_COLUMNS = ["account_id", "project_id", "kind", "ref", "occurred_at", "seq"] as const;
const PG_TYPE: Partial<Record<string, string>> = { seq: "bigint", occurred_at: "bigint", duration_ms: "integer" };

/** A bulk writer per database: SQLite prepared statements on the file, PostgreSQL `insert … select from unnest(arrays)`. */
async function bulkWriter(db: Kysely<Database>, url: string, pg: boolean) {
  if (pg) {
    // Secondary indexes are dropped for the load and rebuilt after it (a sort each, far faster than
    // a million random insertions); the queries then run on the very definitions the migrations made.
    const indexes = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where tablename in ('audit_events', 'audit_refs')
      and indexname not in (select conname from pg_constraint)`.execute(db);
    for (const i of indexes.rows) await sql`drop index ${sql.ref(i.indexname)}`.execute(db);
    const unnest = <C extends string>(table: string, columns: readonly C[], rows: Record<C, unknown>[]) =>
      sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(
        columns.map((c) => sql`${rows.map((r) => r[c])}::${sql.raw(PG_TYPE[c] ?? "text")}[]`),
      )})`;
    return {
      async write(rows: Row[], refs: Ref[]) {
        await db.transaction().execute(async (tx) => {
          await sql`set local synchronous_commit = off`.execute(tx);
          await unnest("audit_events", EVENT_COLUMNS, rows).execute(tx);
          await unnest("audit_refs", REF_COLUMNS, refs).execute(tx);
        });
      },
      async close() {
        await sql`select setval(pg_get_serial_sequence('audit_events', 'seq'), (select max(seq) from audit_events))`.execute(
          db,
        );
        for (const i of indexes.rows) await sql.raw(i.indexdef).execute(db);
        // What autovacuum does to an insert-only table in production: statistics and the visibility
        // map (without it an index-only scan still visits every row).
        await sql`vacuum analyze`.execute(db);
      },
    };
  }
  const { default: SQLite } = await import("better-sqlite3");
  const file = new SQLite(url.replace(/^file:/, ""));
  // A bulk load, not the console's settings: no fsync per commit, and room for the indexes in cache.
  file.pragma("synchronous = off");
  file.pragma("cache_size = -262144");
  const indexes = file
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and tbl_name in ('audit_events', 'audit_refs') and sql is not null",
    )
    .all() as { name: string; sql: string }[];
  for (const i of indexes) file.exec(`drop index ${i.name}`);
  const insertEvent = file.prepare(
    `insert into audit_events (${EVENT_COLUMNS.join(",")}) values (${EVENT_COLUMNS.map(() => "?").join(",")})`,
  );
  const insertRef = file.prepare(
    `insert into audit_refs (${REF_COLUMNS.join(",")}) values (${REF_COLUMNS.map(() => "?").join(",")})`,
  );
  const write = file.transaction((rows: Row[], refs: Ref[]) => {
    for (const r of rows) insertEvent.run(EVENT_COLUMNS.map((c) => r[c]));
    for (const r of refs) insertRef.run(REF_COLUMNS.map((c) => r[c]));
  });
  return {
    async write(rows: Row[], refs: Ref[]) {
      write(rows, refs);
    },
    async close() {
      for (const i of indexes) file.exec(i.sql);
      file.close();
    },
  };
}

async function load(db: Kysely<Database>, url: string, pg: boolean): Promise<number> {
  const started = performance.now();
  const writer = await bulkWriter(db, url, pg);
  const prev = new Map<string, string>();
  const counts = new Map<string, number>();
  const CHUNK = 10_000;
  for (let n = 0; n < TOTAL; n += CHUNK) {
    const made = Array.from({ length: Math.min(CHUNK, TOTAL - n) }, (_, i) => makeEvent(n + i, prev));
    for (const m of made) counts.set(m.row.account_id, (counts.get(m.row.account_id) ?? 0) + 1);
    await writer.write(
      made.map((m) => m.row),
      made.flatMap((m) => m.refs),
    );
  }
  await writer.close();
  for (const [account, count] of counts) {
    const last = await db
      .selectFrom("audit_events")
      .select(["seq", "hash"])
      .where("account_id", "=", account)
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("audit_chain_heads")
      .values({ account_id: account, seq: last.seq, hash: last.hash ?? GENESIS, count, base: GENESIS })
      .execute();
  }
  return (performance.now() - started) / 1000;
}

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
    seed = 42;
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
