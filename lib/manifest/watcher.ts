import type { Kysely } from "kysely";
import type { StoredSession } from "@/lib/auth/session-store";
import type { Database } from "@/lib/db/types";
import { toAppError } from "@/lib/errors";
import { text, type Text, type TextKey } from "@/lib/i18n/text";
import { Repeat } from "@/lib/repeat";
import { claimDueWatches, type DriftEntry, type WatchRow } from "./watches";
import { recordCheck, type CheckOutcome } from "./watch-result";

/** Where the watcher finds a session to read the cloud with: the saver's own, in the manifest's project. */
export interface WatchSessions {
  validFor(userId: string, accountId: string, opts: { now?: number }): Promise<StoredSession[]>;
}

export interface DriftWatcherOptions {
  db: Kysely<Database>;
  sessions: () => Promise<WatchSessions>;
  /** Compares one manifest with the cloud as the session sees it: its drift and the plan's digest. */
  compare: (source: string, session: StoredSession) => Promise<{ drift: DriftEntry[]; digest: string }>;
  /** Who changed the drifted pairs (lib/manifest/blame). */
  blame: (watch: WatchRow, drift: DriftEntry[]) => Promise<DriftEntry[]>;
  instanceId: string;
  /** How often each manifest is compared; due manifests are looked for every `tickMs`. */
  everyMs: number;
  tickMs?: number;
  claimMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

/**
 * Compares watched manifests with the cloud: each in turn when it is due (every `everyMs`, after a CTS
 * import of its project, or on "Check now"), claimed so that one instance checks it at a time, with
 * the token of the admin who saved it. Without a session of theirs in the project it waits, saying
 * so, and is tried again at the next tick; a check that fails says why and is tried at the next interval.
 */
export class DriftWatcher {
  private readonly repeat: Repeat;

  constructor(private readonly o: DriftWatcherOptions) {
    this.repeat = new Repeat(
      () => this.pass(),
      o.tickMs ?? 5_000,
      (e) => this.log(`pass failed: ${e.message}`),
    );
  }

  start(): this {
    this.repeat.start();
    return this;
  }

  /** Checks what is due now instead of at the next tick. */
  poke(): void {
    this.repeat.poke();
  }

  stop(): Promise<void> {
    return this.repeat.stop();
  }

  /** One pass: claims what is due and checks it. Returns how many checks were recorded. */
  async pass(): Promise<number> {
    const now = (this.o.now ?? Date.now)();
    const until = now + (this.o.claimMs ?? 120_000);
    const due = await claimDueWatches(this.o.db, this.o.instanceId, now, until, 20);
    let recorded = 0;
    for (const watch of due) {
      const outcome = await this.check(watch, now);
      const next = outcome.status === "waiting" ? now + (this.o.tickMs ?? 5_000) * 6 : now + this.o.everyMs;
      if (await recordCheck(this.o.db, watch, this.o.instanceId, outcome, (this.o.now ?? Date.now)(), next)) recorded++;
    }
    return recorded;
  }

  private async check(watch: WatchRow, now: number): Promise<CheckOutcome> {
    const sessions = await (await this.o.sessions()).validFor(watch.savedById, watch.accountId, { now });
    const session = sessions.find((s) => s.projectId === watch.projectId);
    if (!session)
      return {
        status: "waiting",
        reason: text("drift.waiting", { user: watch.savedBy, project: watch.projectName }),
      };
    try {
      const { drift, digest } = await this.o.compare(watch.source, session);
      if (drift.length === 0) return { status: "ok", drift, digest };
      return { status: "drift", drift: await this.o.blame(watch, drift), digest };
    } catch (e) {
      const error = toAppError(e);
      if (error.code === "internal") this.log(`check of ${watch.name} (${watch.id}) failed: ${String(e)}`);
      return {
        status: "failed",
        reason: (error.text as Text | undefined) ?? text(`errors.codes.${error.code}` as TextKey),
      };
    }
  }

  private log(message: string): void {
    (this.o.log ?? ((m: string) => console.warn(`drift watcher ${this.o.instanceId}: ${m}`)))(message);
  }
}
