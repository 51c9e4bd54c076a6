import "server-only";
import type { Kysely } from "kysely";
import { lastImport } from "@/lib/audit/cts-import";
import { NO_SESSION, nextRunAt } from "@/lib/audit/cts-schedule";
import { historyFilterSchema } from "@/lib/audit/filter";
import { listEvents } from "@/lib/audit/read";
import type { StoredSession } from "@/lib/auth/session-store";
import { attentionBatches, countAttentionBatches } from "@/lib/batches/attention";
import type { Database } from "@/lib/db/types";
import { listWatches } from "@/lib/manifest/watches";
import { listRequests, pendingFor } from "@/lib/policy/approvals";
import { activeLeases } from "@/lib/sharing/leases";
import { storedErrorText } from "@/lib/sharing/pairs";
import { text, type Text } from "@/lib/i18n/text";
import { windowStartDay } from "./links";
import {
  TILE_ITEMS,
  WINDOW_DAYS,
  type ApprovalsTile,
  type BatchesTile,
  type CtsTile,
  type DriftTile,
  type LeasesTile,
  type OutsideTile,
} from "./types";

type Db = Kysely<Database>;
const DAY_MS = 86_400_000;
/** CTS keeps 7 days of traces: an import gap longer than that has lost some for good. */
const CTS_RETENTION_MS = 7 * DAY_MS;
/** The most CTS events the outside tile reads; History holds the rest. */
const OUTSIDE_READ = 500;

/** The session's account and project, as the history and batch stores scope their reads. */
const ownedBy = (s: StoredSession) => ({ accountId: s.accountId, projectId: s.projectId });

/** Requests that wait for this admin, then their own, the oldest first (each expires: the oldest goes first). */
export async function approvalsTile(db: Db, s: StoredSession, now: number): Promise<ApprovalsTile> {
  const { waiting, yours } = pendingFor(await listRequests(db, s.accountId, now, 200), s.userId);
  const oldest = <T extends { requestedAt: number }>(list: T[]) =>
    [...list].sort((a, b) => a.requestedAt - b.requestedAt);
  return {
    waiting: waiting.length,
    yours: yours.length,
    items: [...oldest(waiting), ...oldest(yours)].slice(0, TILE_ITEMS).map((r) => ({
      id: r.id,
      by: r.requestedByName,
      mine: r.requestedById === s.userId,
      renewal: r.kind === "lease_renewal",
      pairs: r.plan.pairs.length,
      requestedAt: r.requestedAt,
      expiresAt: r.expiresAt,
    })),
  };
}

/** Batches running, or ended in the last 7 days with failed pairs: the newest first. */
export async function batchesTile(db: Db, s: StoredSession, now: number): Promise<BatchesTile> {
  const [count, batches] = await Promise.all([
    countAttentionBatches(db, ownedBy(s), now),
    attentionBatches(db, ownedBy(s), { now, limit: TILE_ITEMS }),
  ]);
  return {
    count,
    items: batches.map((b) => ({
      id: b.id,
      operation: b.operation,
      status: b.status,
      by: b.userName,
      createdAt: b.createdAt,
      finishedAt: b.finishedAt,
      failed: b.counts.failed,
      launched: b.counts.launched,
      done: b.counts.done,
    })),
  };
}

/** Shares of this project that end within 7 days (or are past their end, not yet removed): the soonest first. */
export async function leasesTile(db: Db, s: StoredSession, now: number): Promise<LeasesTile> {
  const until = now + WINDOW_DAYS * DAY_MS;
  const ending = await activeLeases(db, s.projectId, undefined, until);
  return {
    count: ending.length,
    items: ending.slice(0, TILE_ITEMS).map((l) => ({
      imageId: l.image_id,
      imageName: l.image_name,
      service: l.service,
      memberId: l.member_id,
      endsAt: Number(l.ends_at),
    })),
  };
}

/**
 * Changes imported from CTS since the first day of the last 7, as History lists them with its filter
 * `source=cts&from=…`; `flag` says which the policy would not have allowed (one cloud round at most).
 */
export async function outsideTile(
  db: Db,
  s: StoredSession,
  now: number,
  flag: (events: { id: string; source: string; action: string; targets: string[] }[]) => Promise<Set<string>>,
): Promise<OutsideTile> {
  const from = windowStartDay(now);
  const filter = historyFilterSchema.parse({ source: "cts", from });
  const { events } = await listEvents(db, ownedBy(s), filter, { limit: OUTSIDE_READ });
  const outside = await flag(events);
  const ranked = [...events].sort(
    (a, b) => Number(outside.has(b.id)) - Number(outside.has(a.id)) || b.occurredAt - a.occurredAt,
  );
  return {
    count: events.length,
    outsidePolicy: outside.size,
    from,
    items: ranked.slice(0, TILE_ITEMS).map((e) => ({
      id: e.id,
      action: e.action,
      by: e.userName,
      at: e.occurredAt,
      images: e.images,
      targets: e.targets,
      outsidePolicy: outside.has(e.id),
    })),
  };
}

/** Watched manifests that drifted, the most changed first; those whose check could not run are counted. */
export async function driftTile(db: Db, s: StoredSession): Promise<DriftTile> {
  const rows = await listWatches(db, s.accountId, s.projectId);
  const drifted = rows.filter((r) => r.status === "drift").sort((a, b) => b.driftCount - a.driftCount);
  return {
    watched: rows.length,
    drifted: drifted.length,
    unchecked: rows.filter((r) => r.status === "failed" || r.status === "waiting").length,
    items: drifted.slice(0, TILE_ITEMS).map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      driftCount: r.driftCount,
      checkedAt: r.checkedAt,
      ...(r.statusText && { statusText: r.statusText }),
    })),
  };
}

/**
 * The project's last CTS import and whether one is overdue: the schedule missed a whole interval, the
 * last run failed, or CTS's 7 days now reach past what the imports covered (traces are being lost).
 */
export async function ctsTile(db: Db, s: StoredSession, now: number, intervalMs: number): Promise<CtsTile> {
  const run = await lastImport(db, s.accountId, s.projectId);
  const ran = run && run.status !== "never" && run.started_at ? run : undefined;
  const startedAt = ran ? Number(ran.started_at) : undefined;
  const coveredTo = ran?.covered_to == null ? null : Number(ran.covered_to);
  const nextAt = intervalMs > 0 ? nextRunAt(startedAt, intervalMs, now) : undefined;
  // A whole interval past the run that was due (nextRunAt says "now" once one is due).
  const missed = intervalMs > 0 && startedAt !== undefined && now - (startedAt + intervalMs) > intervalMs;
  const losing = startedAt !== undefined && (coveredTo === null || now - coveredTo > CTS_RETENTION_MS);
  return {
    intervalMs,
    ...(ran &&
      startedAt !== undefined && {
        last: {
          startedAt,
          status: ran.status,
          trigger: ran.trigger,
          imported: ran.imported,
          known: ran.known,
          coveredTo,
          ...(ran.error_message && { error: runError(ran.error_code, ran.error_message) }),
        },
      }),
    // Never imported: overdue only when no schedule will (it runs for projects with a signed-in user).
    overdue: startedAt === undefined ? intervalMs === 0 : missed || losing || ran?.status === "failed",
    ...(nextAt !== undefined && { nextAt }),
  };
}

/** A run's stored English sentence as a Text: the schedule's own "no session" one, or the vocabulary's. */
const runError = (code: string | null, message: string): Text =>
  message === NO_SESSION ? text("history.cts.noSession") : storedErrorText(code ?? "internal", message);
