// A million audit events for bench/history.ts: generated as `writeAuditEvent` would write them (rows,
// refs and a valid hash chain) and bulk-written into SQLite or PostgreSQL.
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { eventHash, GENESIS } from "@/lib/audit/chain";
import type { Database } from "@/lib/db/types";

export const TOTAL = Number(process.env.BENCH_HISTORY_EVENTS ?? 1_000_000);
export const DAY = 86_400_000;
export const NOW = Date.parse("2026-11-22T00:00:00Z");
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
export const imageId = (account: string, i: number) =>
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

/** Writes TOTAL events, the same ones on every call (the generator is reseeded). */
export async function load(db: Kysely<Database>, url: string, pg: boolean): Promise<number> {
  seed = 42;
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
