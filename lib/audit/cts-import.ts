import type { Kysely } from "kysely";
import { CTS_RETENTION_MS, listAllTraces } from "@/lib/cloud/cts";
import type { Scope } from "@/lib/cloud/ims";
import type { CtsImportsTable, Database } from "@/lib/db/types";
import { toAppError } from "@/lib/errors";
import { traceEvent, type TraceEvent } from "./cts-map";
import { writeAuditEvent, type AuditActor } from "./writer";

/** CTS may record a trace a little after the call: each run re-reads this much before the last one's end. */
const OVERLAP_MS = 10 * 60_000;
/** Console events may be written a while after their calls (jobs awaited): request ids this much older still count. */
const CONSOLE_SLACK_MS = 3600_000;
const CHUNK = 500;

export type CtsImportRow = CtsImportsTable;

export interface ImportOptions {
  trigger: "manual" | "schedule";
  instanceId: string;
  now?: () => number;
  /**
   * Traces younger than this are left for the next run: a console action still waiting for its job
   * has not written its event (and request id) yet, and must not be taken for an outside change.
   */
  settleMs?: number;
  leaseMs?: number;
  /**
   * Of the shares about to be imported (by trace id), those the account's sharing policy would not have
   * allowed (lib/sharing/policy `flagOutside`): their events give a `policy.outside` notice.
   */
  outside?: (events: { id: string; source: string; action: string; targets: string[] }[]) => Promise<Set<string>>;
}

export type ImportResult =
  | { status: "succeeded"; imported: number; known: number; windowFrom: number; windowTo: number }
  | { status: "failed"; code: string; message: string }
  | { status: "busy" };

type Db = Kysely<Database>;
type Where = Pick<AuditActor, "accountId" | "projectId" | "projectName" | "region">;

const key = (db: Db, w: Where) =>
  db.updateTable("cts_imports").where("account_id", "=", w.accountId).where("project_id", "=", w.projectId);

/** The last import of a project, if any ran. */
export async function lastImport(db: Db, accountId: string, projectId: string): Promise<CtsImportRow | undefined> {
  return db
    .selectFrom("cts_imports")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
}

/** Takes the project's import lease (free, expired, or already ours); false when another run holds it. */
async function acquire(db: Db, w: Where, owner: string, now: number, leaseMs: number): Promise<boolean> {
  await db
    .insertInto("cts_imports")
    .values({
      account_id: w.accountId,
      project_id: w.projectId,
      project_name: w.projectName,
      region: w.region,
      status: "never",
      trigger: "manual",
      imported: 0,
      known: 0,
      lease_until: 0,
    })
    .onConflict((oc) => oc.columns(["account_id", "project_id"]).doNothing())
    .execute();
  const res = await key(db, w)
    .set({ lease_owner: owner, lease_until: now + leaseMs })
    .where((eb) => eb.or([eb("lease_until", "<", now), eb("lease_owner", "=", owner)]))
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** Records a scheduled run that could not happen (no signed-in user of the project), unless a run holds the lease. */
export async function recordSkipped(
  db: Db,
  w: Where,
  message: string,
  opts: { instanceId: string; now?: number },
): Promise<void> {
  const now = opts.now ?? Date.now();
  if (!(await acquire(db, w, opts.instanceId, now, 60_000))) return;
  await key(db, w)
    .set({
      status: "skipped",
      trigger: "schedule",
      user_name: null,
      started_at: now,
      finished_at: now,
      imported: 0,
      known: 0,
      error_code: null,
      error_message: message,
      lease_owner: null,
      lease_until: 0,
    })
    .execute();
}

/** Request ids the console already holds for this project: its own events' calls and its batches' calls. */
async function consoleRequestIds(db: Db, w: Where, since: number): Promise<Set<string>> {
  const events = await db
    .selectFrom("audit_events")
    .select("upstream_request_id")
    .where("account_id", "=", w.accountId)
    .where("project_id", "=", w.projectId)
    // The console's own changes: its actions (from its pages or its API) and the ends of leases it carried out.
    .where("source", "in", ["console", "api", "lease"])
    .where("upstream_request_id", "is not", null)
    .where("occurred_at", ">=", since)
    .execute();
  const calls = await db
    .selectFrom("batch_calls as c")
    .innerJoin("batches as b", "b.id", "c.batch_id")
    .select("c.request_id")
    .where("b.account_id", "=", w.accountId)
    .where("b.project_id", "=", w.projectId)
    .where("c.request_id", "is not", null)
    .where("c.created_at", ">=", since)
    .execute();
  // An action that made several calls keeps their request ids comma-separated.
  const ids = [...events.map((e) => e.upstream_request_id), ...calls.map((c) => c.request_id)];
  return new Set(ids.flatMap((id) => (id ?? "").split(",")).filter(Boolean));
}

/** Trace ids imported before, looked up through the `(account_id, external_id)` index. */
async function importedTraceIds(db: Db, accountId: string, traceIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < traceIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom("audit_events")
      .select("external_id")
      .where("account_id", "=", accountId)
      .where("external_id", "in", traceIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) if (r.external_id) found.add(r.external_id);
  }
  return found;
}

/**
 * Imports the image-member traces of one project's CTS (IMS and CPH) since the last import, at most
 * the 7 days CTS keeps: each trace the console does not know yet (by trace id, or by the request id
 * of a console event or batch call) becomes an audit event with `source: "cts"`, appended in time
 * order. The run is recorded in `cts_imports`; a lease keeps other runs of the project out meanwhile.
 */
export async function importCtsTraces(
  db: Db,
  scope: Scope,
  actor: AuditActor,
  opts: ImportOptions,
): Promise<ImportResult> {
  const now = opts.now ?? Date.now;
  const w: Where = actor;
  const started = now();
  if (!(await acquire(db, w, opts.instanceId, started, opts.leaseMs ?? 5 * 60_000))) return { status: "busy" };
  const previous = await lastImport(db, w.accountId, w.projectId);
  await key(db, w)
    .set({ status: "running", trigger: opts.trigger, user_name: actor.userName, started_at: started })
    .execute();

  // `to` is exclusive: a trace of this very millisecond is in.
  const windowTo = started - (opts.settleMs ?? 0) + 1;
  const oldest = started - CTS_RETENTION_MS + 60_000;
  const windowFrom = Math.min(windowTo - 1, Math.max(oldest, (previous?.covered_to ?? 0) - OVERLAP_MS));
  try {
    const events: TraceEvent[] = [];
    for (const service of ["IMS", "CPH"]) {
      const { traces } = await listAllTraces(scope, {
        trace_type: "system",
        service_type: service,
        resource_type: "image",
        from: windowFrom,
        to: windowTo,
      });
      // CTS lists newest first, ties latest first: reversed, a stable sort by time keeps the order of calls.
      events.push(...traces.toReversed().flatMap((t) => traceEvent(t, w.projectId) ?? []));
    }
    const seen = await importedTraceIds(
      db,
      w.accountId,
      events.map((e) => e.traceId),
    );
    const ours = await consoleRequestIds(db, w, windowFrom - CONSOLE_SLACK_MS);
    const fresh = events.filter((e) => !seen.has(e.traceId) && !(e.requestId && ours.has(e.requestId)));
    fresh.sort((a, b) => a.time - b.time);
    const outside = opts.outside
      ? await opts
          .outside(fresh.map((e) => ({ id: e.traceId, source: "cts", action: e.action, targets: e.targets })))
          .catch(() => new Set<string>())
      : new Set<string>();
    for (const e of fresh) {
      await writeAuditEvent(db, {
        actor: {
          ...actor,
          userId: e.user.id,
          userName: e.user.name,
          accountName: e.user.accountName ?? actor.accountName,
        },
        action: e.action,
        outcome: e.succeeded ? "succeeded" : "failed",
        source: "cts",
        images: e.images,
        targets: e.targets,
        pairs: e.pairs,
        input: e.input,
        error: e.error,
        upstreamRequestId: e.requestId,
        upstreamJobId: e.jobId,
        occurredAt: e.time,
        externalId: e.traceId,
        outsidePolicy: outside.has(e.traceId),
      });
    }
    const result = { imported: fresh.length, known: events.length - fresh.length, windowFrom, windowTo };
    await key(db, w)
      .set({
        status: "succeeded",
        finished_at: now(),
        window_from: windowFrom,
        window_to: windowTo,
        covered_to: windowTo,
        imported: result.imported,
        known: result.known,
        error_code: null,
        error_message: null,
        lease_owner: null,
        lease_until: 0,
      })
      .execute();
    return { status: "succeeded", ...result };
  } catch (e) {
    const error = toAppError(e);
    await key(db, w)
      .set({
        status: "failed",
        finished_at: now(),
        window_from: windowFrom,
        window_to: windowTo,
        imported: 0,
        known: 0,
        error_code: error.upstreamCode ?? error.code,
        error_message: error.message,
        lease_owner: null,
        lease_until: 0,
      })
      .execute();
    if (error.code === "internal") console.error("cts import failed:", e);
    return { status: "failed", code: error.code, message: error.message };
  }
}
