import type { Kysely } from "kysely";
import { Repeat } from "@/lib/repeat";
import type { Database } from "@/lib/db/types";
import { importCtsTraces, recordSkipped, type ImportOptions } from "./cts-import";
import type { AuditActor } from "./writer";

export const NO_SESSION =
  "No user of this project is signed in, so the scheduled import could not read CTS. It runs again once someone signs in.";

/** A signed-in user's session, as the schedule uses it: who imports, with which token. */
type ScheduleSession = AuditActor & { token: string };

/** The part of the session store (lib/auth/session-store) the schedule reads. */
export interface ScheduleSessions {
  activeProjects(opts: {
    now?: number;
  }): Promise<{ accountId: string; projectId: string; projectName: string; region: string }[]>;
  latestInProject(accountId: string, projectId: string, opts: { now?: number }): Promise<ScheduleSession | undefined>;
}

export interface ScheduleOptions {
  /** Flags the shares the account's policy would not have allowed (see `ImportOptions.outside`), with the session's token. */
  outside?: (
    session: ScheduleSession,
    events: Parameters<NonNullable<ImportOptions["outside"]>>[0],
  ) => Promise<Set<string>>;
  /** Called after each import that succeeded (the drift watcher then checks the project's manifests). */
  imported?: (where: { accountId: string; projectId: string }, count: number) => Promise<unknown>;
  db: Kysely<Database>;
  sessions: () => Promise<ScheduleSessions>;
  instanceId: string;
  intervalMs: number;
  settleMs: number;
  /** How often due projects are looked for; at most a minute. */
  tickMs?: number;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
}

/** When a project's next scheduled import is due: an interval after its last run of any kind. */
export function nextRunAt(lastStartedAt: number | null | undefined, intervalMs: number, now = Date.now()): number {
  return lastStartedAt ? Math.max(now, lastStartedAt + intervalMs) : now;
}

/**
 * The scheduled CTS import: every tick, each project whose last import is an interval old is
 * imported with the token of its most recently used valid session; a project nobody is signed in to
 * has the skip recorded instead. The lease in `cts_imports` keeps other instances and "Import now"
 * out of a project while it runs.
 */
export class CtsImportSchedule {
  private readonly repeat: Repeat;
  private stopped = false;

  constructor(private readonly o: ScheduleOptions) {
    this.repeat = new Repeat(
      () => this.tick(),
      o.tickMs ?? Math.min(o.intervalMs, 60_000),
      (e) => this.log("cts import: tick failed", e),
    );
  }

  start(): this {
    this.repeat.start();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.repeat.stop();
  }

  private log(message: string, error?: unknown) {
    (this.o.log ?? console.error)(message, error);
  }

  /** One pass over the projects: import those due, record a skip for those nobody can import. */
  async tick(): Promise<void> {
    const { db, intervalMs } = this.o;
    const now = (this.o.now ?? Date.now)();
    const store = await this.o.sessions();
    const active = await store.activeProjects({ now });
    const rows = await db
      .selectFrom("cts_imports")
      .select(["account_id", "project_id", "project_name", "region", "started_at"])
      .execute();
    const last = new Map(rows.map((r) => [`${r.account_id}/${r.project_id}`, r.started_at]));
    const due = (accountId: string, projectId: string) =>
      nextRunAt(last.get(`${accountId}/${projectId}`), intervalMs, now) <= now;

    for (const p of active) {
      if (this.stopped || !due(p.accountId, p.projectId)) continue;
      const session = await store.latestInProject(p.accountId, p.projectId, { now });
      if (!session) {
        await recordSkipped(db, p, NO_SESSION, { instanceId: this.o.instanceId, now });
        continue;
      }
      const result = await importCtsTraces(db, scopeOf(session), session, {
        trigger: "schedule",
        instanceId: this.o.instanceId,
        settleMs: this.o.settleMs,
        outside: this.o.outside && ((events) => this.o.outside!(session, events)),
        now: this.o.now,
      });
      if (result.status === "succeeded")
        await this.o.imported?.(p, result.imported).catch((e: unknown) => this.log("after import: failed", e));
      if (result.status === "failed")
        this.log(`cts import of project ${p.projectName} (${p.projectId}) failed: ${result.code} ${result.message}`);
    }
    const activeKeys = new Set(active.map((p) => `${p.accountId}/${p.projectId}`));
    for (const r of rows) {
      if (this.stopped || activeKeys.has(`${r.account_id}/${r.project_id}`) || !due(r.account_id, r.project_id))
        continue;
      const where = { accountId: r.account_id, projectId: r.project_id, projectName: r.project_name, region: r.region };
      await recordSkipped(db, where, NO_SESSION, { instanceId: this.o.instanceId, now });
    }
  }
}

function scopeOf(s: ScheduleSession) {
  return { token: s.token, region: s.region, projectId: s.projectId };
}
