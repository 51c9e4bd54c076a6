import { PostgresAdapter, sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { AuditEventsTable, AuditRefsTable, Database } from "@/lib/db/types";
import { hiddenActions, timeBounds, type Cursor, type HistoryFilter } from "./filter";
import type { AuditPair } from "./writer";

/** Whose events a read may return: always one account and one project, the session's. */
export interface HistoryScope {
  accountId: string;
  projectId: string;
}

/** An audit event as pages, routes and exports show it (JSON columns parsed). */
export interface HistoryEvent {
  seq: number;
  id: string;
  occurredAt: number;
  accountId: string;
  accountName: string;
  userId: string;
  userName: string;
  projectId: string;
  projectName: string;
  region: string;
  action: string;
  source: string;
  outcome: string;
  images: string[];
  targets: string[];
  pairs: AuditPair[];
  input: unknown;
  errorCode: string | null;
  errorMessage: string | null;
  requestId: string | null;
  jobId: string | null;
  durationMs: number;
  prevHash: string | null;
  hash: string | null;
  externalId: string | null;
}

export interface HistoryPage {
  events: HistoryEvent[];
  /** The cursor of the next (older) page, when there is one. */
  next?: Cursor;
}

/**
 * A filter whose image or member, as typed (a name, part of an id), was resolved to the ids it stands
 * for (lib/names/history.ts): events of any of them match.
 */
export type ResolvedFilter = HistoryFilter & { refsAnyOf?: { image?: string[]; member?: string[] } };

type Tables = Database & { e: AuditEventsTable; r: AuditRefsTable };
type Query = SelectQueryBuilder<Tables, "e" | "r", object>;

/** Columns the free-text search looks in. */
const TEXT_COLUMNS = [
  "e.user_name",
  "e.action",
  "e.images",
  "e.targets",
  "e.error_code",
  "e.error_message",
  "e.upstream_request_id",
  "e.upstream_job_id",
  "e.id",
  "e.external_id",
] as const;

const REF_KINDS = [
  ["image", "image"],
  ["member", "target"],
  ["batch", "batch"],
] as const;

/**
 * The filtered rows of one scope, with the columns that carry the keyset order. With an image,
 * member or batch filter the query is driven by `audit_refs` (its index is already in time order),
 * so the first page reads a few dozen index entries however many events the project holds; other
 * ref filters become `seq in (…)` tests. Without one it walks `audit_events`' scope index (or the
 * user index). Either way no sort of the whole scope is needed.
 */
function filtered(db: Kysely<Database>, scope: HistoryScope, f: ResolvedFilter) {
  const refs = REF_KINDS.flatMap(([key, kind]) => {
    const any = key === "batch" ? undefined : f.refsAnyOf?.[key];
    if (any?.length) return [{ kind, ref: any }];
    return f[key] ? [{ kind, ref: [f[key] as string] }] : [];
  });
  const [driver, ...others] = refs;
  let q: Query;
  if (driver) {
    q = db
      .selectFrom("audit_refs as r")
      .innerJoin("audit_events as e", "e.seq", "r.seq")
      .where("r.account_id", "=", scope.accountId)
      .where("r.project_id", "=", scope.projectId)
      .where("r.kind", "=", driver.kind)
      .where("r.ref", "in", driver.ref) as unknown as Query;
  } else {
    // Typed as the join so both shapes share one builder; `r` is never referenced on this path.
    q = db.selectFrom("audit_events as e") as unknown as Query;
  }
  const at = driver ? ("r.occurred_at" as const) : ("e.occurred_at" as const);
  const seq = driver ? ("r.seq" as const) : ("e.seq" as const);
  q = q.where("e.account_id", "=", scope.accountId).where("e.project_id", "=", scope.projectId);
  for (const o of others) {
    q = q.where("e.seq", "in", (eb) =>
      eb
        .selectFrom("audit_refs")
        .select("seq")
        .where("account_id", "=", scope.accountId)
        .where("project_id", "=", scope.projectId)
        .where("kind", "=", o.kind)
        .where("ref", "in", o.ref),
    );
  }
  const { from, to } = timeBounds(f);
  if (from !== undefined) q = q.where(at, ">=", from);
  if (to !== undefined) q = q.where(at, "<=", to);
  if (f.action.length) q = q.where("e.action", "in", f.action);
  const hidden = hiddenActions(f);
  if (hidden.length) q = q.where("e.action", "not in", hidden);
  if (f.user) q = q.where("e.user_name", "=", f.user);
  if (f.outcome) q = q.where("e.outcome", "=", f.outcome);
  if (f.source) q = q.where("e.source", "=", f.source);
  if (f.q) {
    const pg = db.getExecutor().adapter instanceof PostgresAdapter;
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // SQLite's LIKE ignores ASCII case already; PostgreSQL needs ILIKE.
    const op = sql.raw(pg ? "ilike" : "like");
    q = q.where((eb) =>
      eb.or(TEXT_COLUMNS.map((c) => sql<SqlBool>`${sql.ref(c)} ${op} ${pattern} escape '\\'` as Expression<SqlBool>)),
    );
  }
  return { q, at, seq };
}

/** One page of events, newest first, strictly older than the cursor. */
export async function listEvents(
  db: Kysely<Database>,
  scope: HistoryScope,
  f: ResolvedFilter,
  opts: { cursor?: Cursor; limit?: number } = {},
): Promise<HistoryPage> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 5_000);
  const { at, seq, q: base } = filtered(db, scope, f);
  let q = base;
  const c = opts.cursor;
  // `at <= t` bounds the index range; the second test drops rows of the same instant already shown.
  if (c) q = q.where(at, "<=", c.at).where((eb) => eb.or([eb(at, "<", c.at), eb(seq, "<", c.seq)]));
  const rows = await q
    .selectAll("e")
    .orderBy(at, "desc")
    .orderBy(seq, "desc")
    .limit(limit + 1)
    .execute();
  const events = rows.slice(0, limit).map(toEvent);
  const last = events.at(-1);
  return { events, next: rows.length > limit && last ? { at: last.occurredAt, seq: last.seq } : undefined };
}

/** Every filtered event, newest first, read page by page by keyset: memory stays at one page. */
export async function* streamEvents(
  db: Kysely<Database>,
  scope: HistoryScope,
  f: ResolvedFilter,
  pageSize = 1_000,
): AsyncGenerator<HistoryEvent> {
  let cursor: Cursor | undefined;
  for (;;) {
    const page = await listEvents(db, scope, f, { cursor, limit: pageSize });
    yield* page.events;
    if (!page.next) return;
    cursor = page.next;
  }
}

/** One event of the scope; undefined for an unknown id and for another account's or project's. */
export async function getEvent(
  db: Kysely<Database>,
  id: string,
  scope: HistoryScope,
): Promise<HistoryEvent | undefined> {
  const row = await db
    .selectFrom("audit_events")
    .selectAll()
    .where("id", "=", id)
    .where("account_id", "=", scope.accountId)
    .where("project_id", "=", scope.projectId)
    .executeTakeFirst();
  return row ? toEvent(row) : undefined;
}

export const DAY_MS = 86_400_000;

export interface ActivityDay {
  /** Epoch milliseconds of the day's start (UTC). */
  day: number;
  counts: Record<string, number>;
}

/**
 * Events per UTC day and action for the chart: the filter's range, or the `days` up to its end
 * (today by default), never more than `maxDays`. Every day of the range is present, empty or not.
 */
export async function activityByDay(
  db: Kysely<Database>,
  scope: HistoryScope,
  f: HistoryFilter,
  opts: { days?: number; maxDays?: number; now?: number } = {},
): Promise<ActivityDay[]> {
  const { days = 30, maxDays = 90, now = Date.now() } = opts;
  const bounds = timeBounds(f);
  const endDay = Math.floor((bounds.to ?? now) / DAY_MS);
  const wanted = bounds.from !== undefined ? endDay - Math.floor(bounds.from / DAY_MS) + 1 : days;
  const startDay = endDay - Math.min(Math.max(wanted, 1), maxDays) + 1;
  const { q, at } = filtered(db, scope, { ...f, from: undefined, to: undefined });
  const rows = await q
    .select((eb) => [
      sql<number>`${eb.ref(at)} / ${sql.lit(DAY_MS)}`.as("day"),
      "e.action as action",
      eb.fn.countAll<number>().as("n"),
    ])
    .where(at, ">=", startDay * DAY_MS)
    .where(at, "<", (endDay + 1) * DAY_MS)
    .groupBy([sql`1`, sql`2`])
    .execute();
  const out: ActivityDay[] = Array.from({ length: endDay - startDay + 1 }, (_, i) => ({
    day: (startDay + i) * DAY_MS,
    counts: {},
  }));
  for (const r of rows) {
    const slot = out[Number(r.day) - startDay];
    if (slot) slot.counts[r.action] = (slot.counts[r.action] ?? 0) + Number(r.n);
  }
  return out;
}

/** How many pairs ended each way, for a partial outcome's counts. */
export function pairCounts(pairs: AuditPair[]): { succeeded: number; failed: number; skipped: number } {
  const c = { succeeded: 0, failed: 0, skipped: 0 };
  for (const p of pairs) c[p.outcome] = (c[p.outcome] ?? 0) + 1;
  return c;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function toEvent(r: Record<keyof AuditEventsTable, unknown>): HistoryEvent {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const list = (v: unknown) => {
    const parsed = parseJson<unknown>(String(v ?? "[]"), []);
    return Array.isArray(parsed) ? parsed : [];
  };
  return {
    seq: Number(r.seq),
    id: String(r.id),
    occurredAt: Number(r.occurred_at),
    accountId: String(r.account_id),
    accountName: String(r.account_name),
    userId: String(r.user_id),
    userName: String(r.user_name),
    projectId: String(r.project_id),
    projectName: String(r.project_name),
    region: String(r.region),
    action: String(r.action),
    source: String(r.source),
    outcome: String(r.outcome),
    images: list(r.images).map(String),
    targets: list(r.targets).map(String),
    pairs: list(r.pairs) as AuditPair[],
    input: parseJson<unknown>(String(r.input ?? "{}"), {}),
    errorCode: s(r.error_code),
    errorMessage: s(r.error_message),
    requestId: s(r.upstream_request_id),
    jobId: s(r.upstream_job_id),
    durationMs: Number(r.duration_ms),
    prevHash: s(r.prev_hash),
    hash: s(r.hash),
    externalId: s(r.external_id),
  };
}
