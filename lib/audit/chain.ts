import { createHash } from "node:crypto";
import { PostgresAdapter, sql, type Kysely, type Transaction } from "kysely";
import type { AuditEventRow, Database, NewAuditEvent } from "@/lib/db/types";
import { text, type Text } from "@/lib/i18n/text";

/**
 * Tamper evidence for the audit trail: every event carries the SHA-256 of its own fields and of the
 * previous event of the same account, so that altering, removing or inserting a row breaks the chain
 * at that row. `audit_chain_heads` holds each account's last hash, its row count, and the base (the
 * hash the oldest kept event must link to: 64 zeros, or the last purged event's after retention).
 */
export const GENESIS = "0".repeat(64);

/** The columns a hash covers, in a fixed order: everything but `seq`, `hash` and `prev_hash` itself. */
const HASHED = [
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
  "external_id",
] as const;

type Hashed = Pick<AuditEventRow, (typeof HASHED)[number]>;
type Db = Kysely<Database> | Transaction<Database>;

export function eventHash(event: Partial<Hashed>, prevHash: string): string {
  const values = HASHED.map((f) => {
    const v = event[f];
    return v === undefined ? null : typeof v === "number" ? Number(v) : v;
  });
  return createHash("sha256")
    .update(JSON.stringify([prevHash, ...values]))
    .digest("hex");
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

export interface EventRefs {
  images?: string[];
  targets?: string[];
  batches?: string[];
}

/**
 * Appends one event to its account's chain, inside the caller's transaction or a new one: locks
 * the account's head (PostgreSQL `FOR UPDATE`; SQLite writes are serial), links, inserts, moves
 * the head. Returns the new row's `seq`.
 */
export async function appendEvent(
  db: Db,
  event: Omit<NewAuditEvent, "prev_hash" | "hash" | "seq">,
  refs: EventRefs = {},
): Promise<number> {
  const run = async (tx: Transaction<Database> | Kysely<Database>) => {
    const account = event.account_id;
    await tx
      .insertInto("audit_chain_heads")
      .values({ account_id: account, seq: 0, hash: GENESIS, count: 0, base: GENESIS })
      .onConflict((oc) => oc.column("account_id").doNothing())
      .execute();
    let head = tx.selectFrom("audit_chain_heads").selectAll().where("account_id", "=", account);
    if (isPostgres(tx)) head = head.forUpdate();
    const current = await head.executeTakeFirstOrThrow();
    const hash = eventHash(event, current.hash);
    const row = await tx
      .insertInto("audit_events")
      .values({ ...event, prev_hash: current.hash, hash })
      .returning("seq")
      .executeTakeFirstOrThrow();
    const seq = Number(row.seq);
    await tx
      .updateTable("audit_chain_heads")
      .set({ seq, hash, count: Number(current.count) + 1 })
      .where("account_id", "=", account)
      .execute();
    const refRows = [
      ...(refs.images ?? []).map((ref) => ({ kind: "image", ref })),
      ...(refs.targets ?? []).map((ref) => ({ kind: "target", ref })),
      ...(refs.batches ?? []).map((ref) => ({ kind: "batch", ref })),
    ];
    const unique = [...new Map(refRows.map((r) => [`${r.kind}:${r.ref}`, r])).values()];
    for (let i = 0; i < unique.length; i += 500) {
      await tx
        .insertInto("audit_refs")
        .values(
          unique.slice(i, i + 500).map((r) => ({
            ...r,
            account_id: account,
            project_id: event.project_id,
            occurred_at: event.occurred_at,
            seq,
          })),
        )
        .execute();
    }
    return seq;
  };
  return db.isTransaction ? run(db) : (db as Kysely<Database>).transaction().execute(run);
}

export interface ChainReport {
  accountId: string;
  /** Events checked. */
  events: number;
  ok: boolean;
  /** The first broken link: the row that no longer matches, or where rows went missing. */
  firstBreak?: { seq: number; id: string; occurredAt: number; problem: Text };
}

/**
 * Recomputes an account's chain from its base and reports the first broken link: a row whose
 * fields no longer match its hash (altered), a row that does not link to the one before it (a row
 * removed or inserted before it), or a tail that does not reach the head (rows removed at the end).
 */
export async function verifyChain(db: Db, accountId: string, pageSize = 5_000): Promise<ChainReport> {
  const head = await db
    .selectFrom("audit_chain_heads")
    .selectAll()
    .where("account_id", "=", accountId)
    .executeTakeFirst();
  const base = head?.base ?? GENESIS;
  let prev = base;
  let last = 0;
  let events = 0;
  let previous: { seq: number; id: string; occurred_at: number } | undefined;
  for (;;) {
    const rows = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("seq", ">", last)
      .orderBy("seq")
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      events++;
      const at = { seq: Number(r.seq), id: r.id, occurredAt: Number(r.occurred_at) };
      if (r.prev_hash !== prev) {
        const problem = previous
          ? text("history.verify.problems.unlinked", { previous: String(previous.seq) })
          : text("history.verify.problems.unlinkedStart");
        return { accountId, events, ok: false, firstBreak: { ...at, problem } };
      }
      if (eventHash(r, prev) !== r.hash) {
        return {
          accountId,
          events,
          ok: false,
          firstBreak: {
            ...at,
            problem: text("history.verify.problems.altered"),
          },
        };
      }
      prev = r.hash as string;
      last = at.seq;
      previous = r;
    }
    if (rows.length < pageSize) break;
  }
  if (head && (head.hash !== prev || Number(head.count) !== events)) {
    const id = previous?.id ?? "";
    return {
      accountId,
      events,
      ok: false,
      firstBreak: {
        seq: last,
        id,
        occurredAt: Number(previous?.occurred_at ?? 0),
        problem: text("history.verify.problems.tailMissing", { head: String(head.seq), count: Number(head.count) }),
      },
    };
  }
  return { accountId, events, ok: true };
}

/** Accounts with a chain, for a full verification. */
export async function chainedAccounts(db: Db): Promise<string[]> {
  return (await db.selectFrom("audit_chain_heads").select("account_id").orderBy("account_id").execute()).map(
    (r) => r.account_id,
  );
}

/**
 * Retention: removes an account's events older than `before`, inside one transaction that opens
 * the append-only gate for itself alone, and records where the chain now starts. Returns how many.
 */
export async function purgeBefore(db: Kysely<Database>, before: number): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const pg = isPostgres(tx);
    if (pg) await sql`set local imshare.audit_purge = 'on'`.execute(tx);
    else await sql`update audit_purge_gate set open = 1`.execute(tx);
    let removed = 0;
    const accounts = await tx
      .selectFrom("audit_events")
      .select("account_id")
      .where("occurred_at", "<", before)
      .distinct()
      .execute();
    for (const { account_id } of accounts) {
      // Only the oldest run of the chain goes: events up to the first one (in seq order) that is
      // still within the retention. An old event imported late waits until the run reaches it.
      const firstKept = await tx
        .selectFrom("audit_events")
        .select("seq")
        .where("account_id", "=", account_id)
        .where("occurred_at", ">=", before)
        .orderBy("seq")
        .limit(1)
        .executeTakeFirst();
      let gone = tx
        .selectFrom("audit_events")
        .select(["seq", "hash"])
        .where("account_id", "=", account_id)
        .orderBy("seq", "desc")
        .limit(1);
      if (firstKept) gone = gone.where("seq", "<", firstKept.seq);
      const lastGone = await gone.executeTakeFirst();
      if (!lastGone) continue;
      const res = await tx
        .deleteFrom("audit_events")
        .where("account_id", "=", account_id)
        .where("seq", "<=", lastGone.seq)
        .executeTakeFirst();
      await tx.deleteFrom("audit_refs").where("account_id", "=", account_id).where("seq", "<=", lastGone.seq).execute();
      const n = Number(res.numDeletedRows);
      removed += n;
      await tx
        .updateTable("audit_chain_heads")
        .set((eb) => ({ count: eb("count", "-", n), base: lastGone.hash ?? GENESIS }))
        .where("account_id", "=", account_id)
        .execute();
    }
    if (!pg) await sql`update audit_purge_gate set open = 0`.execute(tx);
    return removed;
  });
}
