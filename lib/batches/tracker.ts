import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { CloudError } from "@/lib/cloud/errors";
import type { BatchesTable, Database } from "@/lib/db/types";
import { announceBatchChange, onBatchChange } from "./events";
import { finishBatch } from "./finish";
import { ACTIVE_BATCH_STATUSES, anyActiveBatch } from "./lease-store";
import { LeaseLost, Leases } from "./leases";
import { hasOpenPairs } from "./pair-store";
import { reconcileLost } from "./reconcile";
import { sendWaiting } from "./send";
import { pollJobs } from "./settle";
import { BatchTokens } from "./sign-in";
import { SignInNeeded, type Step, type TrackerSettings } from "./step";
import { getBatchRow } from "./store";
import type { TokenSource } from "./tokens";

export interface TrackerOptions extends Partial<Omit<TrackerSettings, "log">> {
  db: Kysely<Database>;
  tokens: TokenSource;
  /** This instance's id: the lease holder's name. */
  instanceId?: string;
  log?: (message: string) => void;
}

/**
 * Follows every running batch to its end, on whichever console instance holds its lease: sends
 * the waiting pairs (lib/batches/send), each call recorded before it is made; polls the jobs and
 * settles each pair from the job's results or by reading members (settle); reads back calls whose
 * answer was lost (reconcile); and writes every change to the database, where the live views read
 * it. A lease per batch (leases), renewed before each cloud call, keeps every job polled by one
 * instance at a time; a holder that dies is replaced once its lease runs out. State lives only in
 * the database, so a restarted console picks up where it stopped.
 */
export class Tracker {
  readonly instanceId: string;
  private readonly o: TrackerSettings;
  private readonly db: Kysely<Database>;
  private readonly leases: Leases;
  private readonly tokens: BatchTokens;
  private readonly busy = new Set<string>();
  /** Per batch: not before this time (backoff after throttling, waiting for a sign-in). */
  private readonly notBefore = new Map<string, number>();
  private timer?: ReturnType<typeof setInterval>;
  private unsubscribe?: () => void;
  private ticking?: Promise<void>;
  private steps = new Set<Promise<void>>();

  constructor(options: TrackerOptions) {
    this.instanceId = options.instanceId ?? randomUUID().slice(0, 8);
    const { db, tokens, instanceId: _, ...settings } = options;
    this.db = db;
    this.o = {
      pollMs: 500,
      leaseMs: 15_000,
      tickMs: 250,
      chunkImages: 50,
      targetsPerCall: 100,
      jobsInFlight: 4,
      cphConcurrency: 5,
      jobTimeoutMs: 600_000,
      lostAnswerGraceMs: 5_000,
      maxAttempts: 3,
      now: Date.now,
      log: (m) => console.warn(`batch tracker ${this.instanceId}: ${m}`),
      ...settings,
    };
    this.leases = new Leases(db, this.instanceId, this.o.leaseMs, this.o.now);
    this.tokens = new BatchTokens(db, tokens, this.o, (id, time) => this.notBefore.set(id, time));
  }

  start(): this {
    this.timer = setInterval(() => void this.tick(), this.o.tickMs);
    this.timer.unref?.();
    // A launch, retry or cancel in this process is acted on at once, not at the next tick.
    this.unsubscribe = onBatchChange(() => void this.tick());
    void this.tick();
    return this;
  }

  /** Stops looking for work and lets go of every lease (another instance takes over at once). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.ticking;
    await Promise.allSettled([...this.steps]);
    await this.leases.release();
  }

  /** Stops dead, keeping its leases, as a killed process would (tests of the takeover). */
  halt(): void {
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.leases.halt();
  }

  /** One pass: claims or renews leases, then steps every owned batch not already being stepped. */
  tick(): Promise<void> {
    this.ticking ??= this.pass().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  /** Runs passes until no batch of this instance has open work left (tests). */
  async drain(timeoutMs = 60_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      await this.tick();
      await Promise.allSettled([...this.steps]);
      if (!(await anyActiveBatch(this.db))) return;
      if (Date.now() > end) throw new Error("batches still running");
      await new Promise((r) => setTimeout(r, Math.min(this.o.pollMs, 50)));
    }
  }

  private async pass(): Promise<void> {
    const now = this.o.now();
    try {
      await this.leases.refresh(now);
    } catch (e) {
      this.o.log(`could not read the batches: ${(e as Error).message}`);
      return;
    }
    for (const id of this.leases.owned) {
      if (this.busy.has(id) || (this.notBefore.get(id) ?? 0) > now) continue;
      this.busy.add(id);
      const step = this.step(id)
        .catch((e) => this.o.log(`batch ${id}: ${(e as Error).message}`))
        .finally(() => {
          this.busy.delete(id);
          this.steps.delete(step);
        });
      this.steps.add(step);
    }
  }

  /** Reconciles lost answers, polls the jobs, sends what waits, and ends the batch when nothing is open. */
  private async step(id: string): Promise<void> {
    const batch = await getBatchRow(this.db, id);
    if (!batch || !ACTIVE_BATCH_STATUSES.includes(batch.status)) return;
    const token = await this.tokens.forBatch(batch);
    if (!token) return;
    const step: Step = {
      db: this.db,
      batch,
      scope: { token: token.token, region: batch.region, projectId: batch.project_id },
      o: this.o,
      guard: () => this.leases.guard(id),
      pauseUntil: (time) => this.notBefore.set(id, time),
    };
    try {
      await reconcileLost(step);
      await pollJobs(step);
      await sendWaiting(step);
      await this.finishIfDone(batch);
    } catch (e) {
      if (e instanceof LeaseLost) return;
      if (e instanceof SignInNeeded || (e instanceof CloudError && e.isUnauthenticated)) {
        // Never this token again; the next step tries the user's other sessions and waits only when none is left.
        this.tokens.refused(id, token);
        return;
      }
      throw e;
    }
  }

  /** When no pair is open any more: the batch ends, its lease is let go, and the run's outcomes are audited once. */
  private async finishIfDone(batch: BatchesTable): Promise<void> {
    if (await hasOpenPairs(this.db, batch.id)) return;
    if (await finishBatch(this.db, batch.id, this.instanceId, this.o.now())) {
      this.leases.drop(batch.id);
      this.tokens.forget(batch.id);
      announceBatchChange(batch.id);
    }
  }
}
