import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { addPhoneImageMember, deletePhoneImageMember, listPhoneImageMembers } from "@/lib/cloud/cph";
import { CloudError } from "@/lib/cloud/errors";
import {
  batchAddMembers,
  batchDeleteMembers,
  listImageMembers,
  showJob,
  showJobProgress,
  type Scope,
} from "@/lib/cloud/ims";
import type { Job } from "@/lib/cloud/schemas/ims";
import type { BatchCallsTable, BatchesTable, Database, PairStatus } from "@/lib/db/types";
import type { ImageService } from "@/lib/sharing/pairs";
import { toAppError, upstreamSentence } from "@/lib/errors";
import { mapPool } from "@/lib/sharing/pool";
import { batchBody, type TargetKind } from "@/lib/sharing/targets";
import { chunkCalls } from "@/lib/sharing/calls";
import { announceBatchChange, onBatchChange } from "./events";
import { finishBatch } from "./finish";
import { bumpVersion, updatePairs } from "./pair-store";
import type { ScopedToken, TokenSource } from "./tokens";

export interface TrackerOptions {
  db: Kysely<Database>;
  tokens: TokenSource;
  /** This instance's id: the lease holder's name. */
  instanceId?: string;
  /** How often a running job is read. */
  pollMs?: number;
  /** How long a lease lasts without renewal. */
  leaseMs?: number;
  /** How often the tracker looks for work and renews its leases. */
  tickMs?: number;
  /** Images per IMS call. */
  chunkImages?: number;
  /** Targets per IMS call (the console's cap). */
  targetsPerCall?: number;
  jobsInFlight?: number;
  cphConcurrency?: number;
  /** A job running longer than this is given up and its pairs settled by reading members. */
  jobTimeoutMs?: number;
  /** How long after a call whose answer was lost the members are read to learn what it did. */
  lostAnswerGraceMs?: number;
  /** Sends of one pair before it is failed for good (lost answers, throttling). */
  maxAttempts?: number;
  now?: () => number;
  log?: (message: string) => void;
}

/** A pair still in the tracker's hands, as the calls are formed and settled. */
interface OpenPair {
  idx: number;
  image_id: string;
  service: ImageService;
  target_kind: string;
  target: string;
  member_id: string;
  attempt: number;
}

/** Whether the members read back show the pair's change applied (a member for share, none for unshare). */
function isApplied(operation: string, present: Map<string, Set<string>>, p: OpenPair): boolean {
  const there = present.get(p.image_id)?.has(p.member_id) ?? false;
  return operation === "unshare" ? !there : there;
}

class LeaseLost extends Error {}
class SignInNeeded extends Error {}

const FINISHED_STATUSES = new Set(["SUCCESS", "FAIL"]);

/**
 * Follows every running batch to its end, on whichever console instance holds its lease: sends
 * the waiting pairs as IMS batch calls (each call recorded before it is made, its job recorded as
 * soon as the cloud answers) or one CPH call per pair, polls the jobs, settles each pair from the
 * job's results or by reading members, and writes every change to the database, where the live
 * views read it. A lease per batch, renewed before each cloud call, keeps every job polled by one
 * instance at a time; a holder that dies is replaced once its lease runs out. State lives only in
 * the database, so a restarted console picks up where it stopped.
 */
export class Tracker {
  readonly instanceId: string;
  private readonly o: Required<Omit<TrackerOptions, "instanceId" | "log">> & { log: (m: string) => void };
  private readonly owned = new Set<string>();
  private readonly busy = new Set<string>();
  /** Per batch: not before this time (backoff after throttling, waiting for a sign-in). */
  private readonly notBefore = new Map<string, number>();
  /** Per running batch: the token in use while it stays valid, so a step does not read and decrypt a session every tick. */
  private readonly tokenOf = new Map<string, ScopedToken>();
  private timer?: ReturnType<typeof setInterval>;
  private unsubscribe?: () => void;
  private ticking?: Promise<void>;
  private steps = new Set<Promise<void>>();
  private halted = false;

  constructor(options: TrackerOptions) {
    this.instanceId = options.instanceId ?? randomUUID().slice(0, 8);
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
      ...options,
    } as typeof this.o;
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
    if (this.owned.size) {
      await this.o.db
        .updateTable("batches")
        .set({ lease_owner: null, lease_until: 0 })
        .where("lease_owner", "=", this.instanceId)
        .execute();
    }
    this.owned.clear();
  }

  /** Stops dead, keeping its leases, as a killed process would (tests of the takeover). */
  halt(): void {
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.halted = true;
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
      const open = await this.o.db
        .selectFrom("batches")
        .select("id")
        .where("status", "in", ["running", "waiting_for_sign_in"])
        .executeTakeFirst();
      if (!open) return;
      if (Date.now() > end) throw new Error("batches still running");
      await new Promise((r) => setTimeout(r, Math.min(this.o.pollMs, 50)));
    }
  }

  private async pass(): Promise<void> {
    const now = this.o.now();
    try {
      const candidates = await this.o.db
        .selectFrom("batches")
        .select("id")
        .where("status", "in", ["running", "waiting_for_sign_in"])
        .where((eb) => eb.or([eb("lease_owner", "=", this.instanceId), eb("lease_until", "<", now)]))
        .orderBy("created_at")
        .limit(100)
        .execute();
      const seen = new Set(candidates.map((c) => c.id));
      for (const id of this.owned) if (!seen.has(id)) this.owned.delete(id);
      for (const { id } of candidates) {
        if (await this.claim(id, now)) this.owned.add(id);
        else this.owned.delete(id);
      }
    } catch (e) {
      this.o.log(`could not read the batches: ${(e as Error).message}`);
      return;
    }
    for (const id of this.owned) {
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

  /** Takes or renews the lease; false when another live instance holds it. */
  private async claim(id: string, now = this.o.now()): Promise<boolean> {
    const res = await this.o.db
      .updateTable("batches")
      .set({ lease_owner: this.instanceId, lease_until: now + this.o.leaseMs })
      .where("id", "=", id)
      .where("status", "in", ["running", "waiting_for_sign_in"])
      .where((eb) => eb.or([eb("lease_owner", "=", this.instanceId), eb("lease_until", "<", now)]))
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  /** Renews the lease before a cloud call; throws when it was lost (the step stops, nothing is sent). */
  private async guard(id: string): Promise<void> {
    if (this.halted || !(await this.claim(id))) {
      this.owned.delete(id);
      throw new LeaseLost();
    }
  }

  private async step(id: string): Promise<void> {
    const { db } = this.o;
    const batch = await db.selectFrom("batches").selectAll().where("id", "=", id).executeTakeFirst();
    if (!batch || (batch.status !== "running" && batch.status !== "waiting_for_sign_in")) return;
    const who = {
      userId: batch.user_id,
      accountId: batch.account_id,
      projectId: batch.project_id,
      region: batch.region,
    };
    let token = batch.status === "running" ? this.tokenOf.get(id) : undefined;
    if (!token || token.expiresAt <= this.o.now() + 60_000) {
      try {
        token = await this.o.tokens.tokenFor(who, batch.waiting_since);
      } catch (e) {
        this.o.log(`batch ${id}: could not get a token (${(e as Error).message}); trying again shortly`);
        this.notBefore.set(id, this.o.now() + 2_000);
        return;
      }
      if (!token) return this.waitForSignIn(batch);
      this.tokenOf.set(id, token);
    }
    if (batch.status === "waiting_for_sign_in") {
      await bumpVersion(db, id, this.o.now(), { status: "running", status_message: null, waiting_since: null });
      announceBatchChange(id);
    }
    const scope: Scope = { token: token.token, region: batch.region, projectId: batch.project_id };
    try {
      await this.reconcile(batch, scope);
      await this.poll(batch, scope);
      await this.send(batch, scope);
      await this.finishIfDone(batch);
    } catch (e) {
      if (e instanceof LeaseLost) return;
      if (e instanceof SignInNeeded || (e instanceof CloudError && e.isUnauthenticated)) {
        // Never this token again; the next step tries the user's other sessions and waits only when none is left.
        this.o.tokens.refused(token.token);
        this.tokenOf.delete(id);
        return;
      }
      throw e;
    }
  }

  private async waitForSignIn(batch: BatchesTable, since = batch.waiting_since ?? this.o.now()): Promise<void> {
    this.notBefore.set(batch.id, this.o.now() + 1_000);
    const who = {
      userId: batch.user_id,
      accountId: batch.account_id,
      projectId: batch.project_id,
      region: batch.region,
    };
    const project = batch.project_name;
    // IAM would not re-scope the user's other sessions to this project (D7): name the project to sign in to.
    const message = this.o.tokens.rescopeRefused?.(who)
      ? `Waiting for ${batch.user_name} to sign in to ${project}: IAM would not move their session from another project to this one. Nothing is lost; the batch resumes when they sign in to ${project} or switch to it.`
      : `Waiting for ${batch.user_name} to sign in again: their IAM token expired. Nothing is lost; the batch resumes when they sign in.`;
    if (batch.status === "waiting_for_sign_in" && batch.waiting_since === since && batch.status_message === message)
      return;
    await bumpVersion(this.o.db, batch.id, this.o.now(), {
      status: "waiting_for_sign_in",
      waiting_since: since,
      status_message: message,
    });
    announceBatchChange(batch.id);
  }

  // ---- calls whose answer was lost (a crash, a timeout, a 5xx) ------------------------------------

  /**
   * A call left `sending` (the console died before the answer was recorded) or `lost` (no usable
   * answer) may or may not have been applied: after a grace period the members are read, applied
   * pairs are settled as succeeded, and the rest go back to the queue. Nothing is sent twice blindly.
   */
  private async reconcile(batch: BatchesTable, scope: Scope): Promise<void> {
    const { db } = this.o;
    const now = this.o.now();
    const calls = await db
      .selectFrom("batch_calls")
      .selectAll()
      .where("batch_id", "=", batch.id)
      .where("status", "in", ["sending", "lost"])
      .execute();
    for (const call of calls) {
      if (call.status === "sending") {
        await db
          .updateTable("batch_calls")
          .set({ status: "lost", next_poll_at: call.created_at + this.o.lostAnswerGraceMs, updated_at: now })
          .where("id", "=", call.id)
          .execute();
        continue;
      }
      if (call.next_poll_at > now) continue;
      const pairs = await this.pairsOf(call.id, ["sending", "running"]);
      await this.guard(batch.id);
      const present = await this.readMembers(scope, pairs);
      const applied = pairs.filter((p) => isApplied(batch.operation, present, p));
      const missing = pairs.filter((p) => !isApplied(batch.operation, present, p));
      const spent = missing.filter((p) => p.attempt >= this.o.maxAttempts);
      const again = missing.filter((p) => p.attempt < this.o.maxAttempts);
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable("batch_calls")
          .set({ status: "done", finished_at: now, updated_at: now })
          .where("id", "=", call.id)
          .execute();
      });
      await updatePairs(
        db,
        batch.id,
        [
          {
            idx: applied.map((p) => p.idx),
            set: {
              status: "succeeded",
              code: null,
              reason: "Applied; the cloud's answer was lost, so it was confirmed by reading the members.",
            },
          },
          { idx: again.map((p) => p.idx), set: { status: "waiting", reason: null } },
          {
            idx: spent.map((p) => p.idx),
            set: {
              status: "failed",
              code: "answer_lost",
              reason: `Sent ${this.o.maxAttempts} times without an answer and not applied. Retry it later.`,
            },
          },
        ],
        now,
      );
      announceBatchChange(batch.id);
    }
  }

  // ---- polling running jobs -------------------------------------------------------------------------

  private async poll(batch: BatchesTable, scope: Scope): Promise<void> {
    const now = this.o.now();
    const due = await this.o.db
      .selectFrom("batch_calls")
      .selectAll()
      .where("batch_id", "=", batch.id)
      .where("status", "=", "running")
      .where("next_poll_at", "<=", now)
      .execute();
    await Promise.all(due.map((call) => this.pollOne(batch, scope, call)));
  }

  private async pollOne(batch: BatchesTable, scope: Scope, call: BatchCallsTable): Promise<void> {
    const { db } = this.o;
    if (!call.job_id) return;
    let job: Job;
    await this.guard(batch.id);
    try {
      job = await showJobProgress(scope, call.job_id);
    } catch (e) {
      if (e instanceof CloudError && e.isUnauthenticated) throw new SignInNeeded();
      const now = this.o.now();
      if (e instanceof CloudError && e.status === 404) {
        // The cloud forgot the job: what it did is read from the members.
        await db
          .updateTable("batch_calls")
          .set({
            status: "lost",
            next_poll_at: now,
            error_code: e.code,
            error_message: "The job is no longer known to the cloud.",
            updated_at: now,
          })
          .where("id", "=", call.id)
          .execute();
        return;
      }
      const failures = call.failures + 1;
      const backoff = Math.min(
        30_000,
        this.o.pollMs * 2 ** failures,
        (e instanceof CloudError && e.retryAfterMs) || Infinity,
      );
      await db
        .updateTable("batch_calls")
        .set({ failures, polls: call.polls + 1, next_poll_at: now + backoff, updated_at: now })
        .where("id", "=", call.id)
        .execute();
      return;
    }
    const now = this.o.now();
    const progress = Math.round(
      job.status === "SUCCESS" ? 100 : Number(job.entities?.process_percent ?? call.progress),
    );
    if (!FINISHED_STATUSES.has(job.status)) {
      if (now - call.created_at > this.o.jobTimeoutMs) {
        await db
          .updateTable("batch_calls")
          .set({
            status: "lost",
            next_poll_at: now,
            error_code: "job_stuck",
            error_message: `The job was still ${job.status} after ${Math.round(this.o.jobTimeoutMs / 60_000)} min.`,
            updated_at: now,
          })
          .where("id", "=", call.id)
          .execute();
        return;
      }
      const changed = progress !== call.progress || job.status !== call.job_status;
      await db
        .updateTable("batch_calls")
        .set({
          progress,
          job_status: job.status,
          polls: call.polls + 1,
          failures: 0,
          next_poll_at: now + this.o.pollMs,
          updated_at: now,
        })
        .where("id", "=", call.id)
        .execute();
      if (changed) {
        await bumpVersion(db, batch.id, now);
        announceBatchChange(batch.id);
      }
      return;
    }
    await this.settle(batch, scope, call, job);
  }

  /** A job ended: each pair's outcome from the job's results, or from the members where they say nothing. */
  private async settle(batch: BatchesTable, scope: Scope, call: BatchCallsTable, progressView: Job): Promise<void> {
    const { db } = this.o;
    const pairs = await this.pairsOf(call.id, ["running"]);
    let job = progressView;
    const succeeded: number[] = [];
    let unknown: OpenPair[] = [];
    if (job.status === "SUCCESS") {
      succeeded.push(...pairs.map((p) => p.idx));
    } else {
      // ShowJob (the deprecated one) carries per-image or per-pair results; the progress view does not.
      await this.guard(batch.id);
      job = await showJob(scope, call.job_id as string).catch(() => progressView);
      const byPair = new Map<string, string>();
      const byImage = new Map<string, string>();
      for (const r of job.entities?.results ?? []) {
        if (!r.image_id || !r.status) continue;
        if (r.project_id) byPair.set(`${r.image_id}|${r.project_id}`, r.status.toLowerCase());
        else byImage.set(r.image_id, r.status.toLowerCase());
      }
      for (const p of pairs) {
        const status = byPair.get(`${p.image_id}|${p.member_id}`) ?? byImage.get(p.image_id);
        if (status === "success") succeeded.push(p.idx);
        else unknown.push(p);
      }
    }
    const failed: number[] = [];
    if (unknown.length) {
      await this.guard(batch.id);
      const present = await this.readMembers(scope, unknown);
      for (const p of unknown) (isApplied(batch.operation, present, p) ? succeeded : failed).push(p.idx);
      unknown = [];
    }
    const now = this.o.now();
    const code = job.error_code ?? "job_failed";
    const reason = upstreamSentence(job.error_code) ?? job.fail_reason ?? "The cloud's job failed for this pair.";
    await db
      .updateTable("batch_calls")
      .set({
        status: "done",
        job_status: job.status,
        progress: 100,
        error_code: job.error_code ?? null,
        error_message: job.fail_reason ?? null,
        polls: call.polls + 1,
        finished_at: now,
        updated_at: now,
      })
      .where("id", "=", call.id)
      .execute();
    await updatePairs(
      db,
      batch.id,
      [
        { idx: succeeded, set: { status: "succeeded", code: null, reason: null } },
        { idx: failed, set: { status: "failed", code, reason } },
      ],
      now,
    );
    announceBatchChange(batch.id);
  }

  // ---- sending ----------------------------------------------------------------------------------------

  private async send(batch: BatchesTable, scope: Scope): Promise<void> {
    const { db } = this.o;
    const running = await db
      .selectFrom("batch_calls")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("batch_id", "=", batch.id)
      .where("service", "=", "ims")
      .where("status", "in", ["running", "sending", "lost"])
      .executeTakeFirst();
    let slots = this.o.jobsInFlight - Number(running?.n ?? 0);
    const waiting = (service: ImageService, limit?: number) => {
      let q = db
        .selectFrom("batch_pairs")
        .select(["idx", "image_id", "service", "target_kind", "target", "member_id", "attempt"])
        .where("batch_id", "=", batch.id)
        .where("status", "=", "waiting")
        .where("service", "=", service)
        .orderBy("idx");
      if (limit) q = q.limit(limit);
      return q.execute();
    };
    // The waiting IMS pairs are read only when a job slot is free (a 20,000-pair batch waits often).
    if (slots > 0) {
      for (const group of chunkCalls(await waiting("ims"), this.o.chunkImages, this.o.targetsPerCall)) {
        if (slots-- <= 0) break;
        if (!(await this.sendIms(batch, scope, group))) break;
      }
    }
    const phones = await waiting("cph", this.o.cphConcurrency * 4);
    if (phones.length) await this.sendPhones(batch, scope, phones);
  }

  /** Records the call and its pairs as `sending`, then makes it; the job id is recorded as soon as it comes. */
  private async sendIms(batch: BatchesTable, scope: Scope, pairs: OpenPair[]): Promise<boolean> {
    const { db } = this.o;
    const images = [...new Set(pairs.map((p) => p.image_id))];
    const body = batchBody(
      images,
      pairs.map((p) => ({ kind: p.target_kind as TargetKind, value: p.target })),
    );
    const call = await this.record(batch, "ims", body, pairs);
    announceBatchChange(batch.id);
    await this.guard(batch.id);
    try {
      const res = await (batch.operation === "unshare" ? batchDeleteMembers : batchAddMembers)(scope, body);
      const now = this.o.now();
      await db
        .updateTable("batch_calls")
        .set({
          status: "running",
          job_id: res.jobId,
          request_id: res.requestId ?? null,
          next_poll_at: now + this.o.pollMs,
          updated_at: now,
        })
        .where("id", "=", call)
        .execute();
      await updatePairs(db, batch.id, [{ idx: pairs.map((p) => p.idx), set: { status: "running" } }], now);
      announceBatchChange(batch.id);
      return true;
    } catch (e) {
      await this.refused(batch, call, pairs, e);
      return false;
    }
  }

  /** CPH has no batch API: one call per pair, a few at a time, each recorded before it is made. */
  private async sendPhones(batch: BatchesTable, scope: Scope, pairs: OpenPair[]): Promise<void> {
    const calls = [];
    for (const p of pairs)
      calls.push({ pair: p, id: await this.record(batch, "cph", { image_id: p.image_id, member: p.member_id }, [p]) });
    announceBatchChange(batch.id);
    await mapPool(calls, this.o.cphConcurrency, async ({ pair, id }) => {
      await this.guard(batch.id);
      try {
        const res =
          batch.operation === "unshare"
            ? await deletePhoneImageMember(scope, pair.image_id, pair.member_id)
            : await addPhoneImageMember(scope, pair.image_id, pair.member_id);
        const now = this.o.now();
        await this.o.db
          .updateTable("batch_calls")
          .set({ status: "done", request_id: res.requestId ?? null, progress: 100, finished_at: now, updated_at: now })
          .where("id", "=", id)
          .execute();
        await updatePairs(
          this.o.db,
          batch.id,
          [{ idx: [pair.idx], set: { status: "succeeded", code: null, reason: null } }],
          now,
        );
      } catch (e) {
        if (e instanceof LeaseLost) throw e;
        await this.refused(batch, id, [pair], e);
      }
      announceBatchChange(batch.id);
    });
  }

  private async record(batch: BatchesTable, service: "ims" | "cph", body: unknown, pairs: OpenPair[]): Promise<string> {
    const { db } = this.o;
    const id = randomUUID();
    const now = this.o.now();
    await db.transaction().execute(async (tx) => {
      const seq = await tx
        .selectFrom("batch_calls")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("batch_id", "=", batch.id)
        .executeTakeFirst();
      await tx
        .insertInto("batch_calls")
        .values({
          id,
          batch_id: batch.id,
          seq: Number(seq?.n ?? 0) + 1,
          service,
          body: JSON.stringify(body),
          status: "sending",
          job_id: null,
          request_id: null,
          job_status: null,
          progress: 0,
          error_code: null,
          error_message: null,
          polls: 0,
          failures: 0,
          next_poll_at: now,
          created_at: now,
          updated_at: now,
          finished_at: null,
        })
        .execute();
    });
    for (const attempt of new Set(pairs.map((p) => p.attempt))) {
      await updatePairs(
        db,
        batch.id,
        [
          {
            idx: pairs.filter((p) => p.attempt === attempt).map((p) => p.idx),
            set: { status: "sending", call_id: id, attempt: attempt + 1 },
          },
        ],
        now,
      );
    }
    return id;
  }

  /**
   * A call that did not get a job: a refusal (4xx) fails its pairs with the cloud's reason; a 401 or
   * throttling puts them back to wait; no answer (timeout, 5xx) leaves the call to be reconciled.
   */
  private async refused(batch: BatchesTable, callId: string, pairs: OpenPair[], e: unknown): Promise<void> {
    if (e instanceof LeaseLost) throw e;
    const { db } = this.o;
    const now = this.o.now();
    const idx = pairs.map((p) => p.idx);
    const cloud = e instanceof CloudError ? e : undefined;
    const throttled = cloud?.isThrottled;
    if (cloud?.isUnauthenticated || throttled) {
      await db
        .updateTable("batch_calls")
        .set({
          status: "done",
          error_code: cloud.code,
          error_message: cloud.message,
          finished_at: now,
          updated_at: now,
        })
        .where("id", "=", callId)
        .execute();
      // Not applied: the pairs go back to the queue without spending an attempt (one write for all).
      const byAttempt = new Map<number, number[]>();
      for (const p of pairs) {
        const list = byAttempt.get(p.attempt);
        if (list) list.push(p.idx);
        else byAttempt.set(p.attempt, [p.idx]);
      }
      await updatePairs(
        db,
        batch.id,
        [...byAttempt].map(([attempt, idx]) => ({ idx, set: { status: "waiting", attempt } })),
        now,
      );
      if (cloud.isUnauthenticated) throw new SignInNeeded();
      this.notBefore.set(batch.id, now + (cloud.retryAfterMs ?? 2_000));
      return;
    }
    if (!cloud || cloud.mayHaveApplied) {
      await db
        .updateTable("batch_calls")
        .set({
          status: "lost",
          error_code: cloud?.code ?? "internal",
          error_message: cloud?.message ?? String(e),
          next_poll_at: now + this.o.lostAnswerGraceMs,
          updated_at: now,
        })
        .where("id", "=", callId)
        .execute();
      if (!cloud) this.o.log(`batch ${batch.id}: call failed: ${(e as Error).stack ?? String(e)}`);
      return;
    }
    const app = toAppError(cloud);
    await db
      .updateTable("batch_calls")
      .set({ status: "done", error_code: cloud.code, error_message: cloud.message, finished_at: now, updated_at: now })
      .where("id", "=", callId)
      .execute();
    await updatePairs(
      db,
      batch.id,
      [{ idx, set: { status: "failed", code: cloud.code || app.code, reason: app.message } }],
      now,
    );
  }

  // ---- the end ------------------------------------------------------------------------------------------

  /** When no pair is open any more: the batch ends, its lease is let go, and the run's outcomes are audited once. */
  private async finishIfDone(batch: BatchesTable): Promise<void> {
    const { db } = this.o;
    const open = await db
      .selectFrom("batch_pairs")
      .select("idx")
      .where("batch_id", "=", batch.id)
      .where("status", "in", ["waiting", "sending", "running"])
      .limit(1)
      .executeTakeFirst();
    if (open) return;
    const finished = await finishBatch(db, batch.id, this.instanceId, this.o.now());
    if (finished) {
      this.owned.delete(batch.id);
      this.tokenOf.delete(batch.id);
      announceBatchChange(batch.id);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  private pairsOf(callId: string, statuses: PairStatus[]): Promise<OpenPair[]> {
    return this.o.db
      .selectFrom("batch_pairs")
      .select(["idx", "image_id", "service", "target_kind", "target", "member_id", "attempt"])
      .where("call_id", "=", callId)
      .where("status", "in", statuses)
      .execute();
  }

  /** Member ids of each image the pairs touch, read from IMS or CPH. */
  private async readMembers(scope: Scope, pairs: OpenPair[]): Promise<Map<string, Set<string>>> {
    const images = [...new Map(pairs.map((p) => [p.image_id, p.service])).entries()];
    const lists = await mapPool(images, 10, async ([id, service]) => {
      const ids =
        service === "cph"
          ? (await listPhoneImageMembers(scope, id)).map((m) => m.member_id)
          : (await listImageMembers(scope, id)).map((m) => m.member_id);
      return [id, new Set(ids)] as const;
    });
    return new Map(lists);
  }
}
