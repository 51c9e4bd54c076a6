import type { Kysely } from "kysely";
import { writeAuditEvent, type AuditPair } from "@/lib/audit/writer";
import type { TokenSource } from "@/lib/batches/tokens";
import { CloudError } from "@/lib/cloud/errors";
import type { Database, ShareLeasesTable } from "@/lib/db/types";
import { toAppError } from "@/lib/errors";
import { text, type Text } from "@/lib/i18n/text";
import { errorText, rollUp, type ImageService, type PairOutcome } from "@/lib/sharing/pairs";
import { removeMembers } from "@/lib/sharing/unshare";
import { Repeat } from "@/lib/repeat";
import { claimDue, releaseClaims, renewClaims } from "./claims";
import { warnEnding } from "./warn";

export interface LeaseSchedulerOptions {
  db: Kysely<Database>;
  tokens: TokenSource;
  /** This instance's name: the holder of its claims. */
  instanceId: string;
  tickMs?: number;
  /** How long a claim holds before another instance may take the lease over. */
  claimMs?: number;
  /** Most leases claimed in one pass. */
  claimLimit?: number;
  /** Groups (setter × project × service) ended at once. */
  concurrency?: number;
  /** How often ends coming within days are looked for (they need no second-by-second look). */
  warnEveryMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

/** How long a lease whose removal failed waits before the next try: doubling from 10 s, at most 15 min. */
export const retryDelay = (attempts: number) => Math.min(10_000 * 2 ** attempts, 900_000);

const key = (p: { image: string; target: string }) => `${p.image}|${p.target}`;

/**
 * Ends shares whose end date came: every tick it claims the due leases (lib/leases/claims), and for
 * each setter and project removes the members with the setter's token, through the manual unshare's
 * own path (lib/sharing/unshare `removeMembers`). A member already gone counts as ended. Each image's
 * ended leases are closed, and audited as done by the lease in the setter's name, in one transaction
 * that only a holder still holding them can commit: however many instances run, a lease is ended and
 * audited once. A setter with no valid session leaves the lease waiting, and saying so, until they
 * sign in; a refused removal is tried again later.
 */
export class LeaseScheduler {
  private readonly o: Required<Omit<LeaseSchedulerOptions, "db" | "tokens" | "instanceId">>;
  private readonly repeat: Repeat;
  private warnedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly opts: LeaseSchedulerOptions) {
    this.o = {
      tickMs: 1_000,
      claimMs: 60_000,
      claimLimit: 5_000,
      concurrency: 4,
      warnEveryMs: 30_000,
      now: Date.now,
      log: (m) => console.warn(`lease scheduler ${opts.instanceId}: ${m}`),
      ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
    } as LeaseScheduler["o"];
    this.repeat = new Repeat(
      () => this.tick(),
      this.o.tickMs,
      (e) => this.o.log(`pass failed: ${e.message}`),
    );
  }

  start(): this {
    this.repeat.start();
    return this;
  }

  /** Stops after the pass under way (its claims are ended or let go). */
  stop(): Promise<void> {
    return this.repeat.stop();
  }

  /** One pass: warns of ends that come soon, then ends what is due. Returns how many leases it ended. */
  async tick(): Promise<number> {
    const { db, instanceId } = this.opts;
    const now = this.o.now();
    if (now - this.warnedAt >= this.o.warnEveryMs) {
      this.warnedAt = now;
      await warnEnding(db, now).catch((e: Error) => this.o.log(`could not warn of ending shares: ${e.message}`));
    }
    const due = await claimDue(db, instanceId, now, now + this.o.claimMs, this.o.claimLimit);
    const groups = new Map<string, ShareLeasesTable[]>();
    for (const l of due) {
      const k = `${l.account_id}|${l.set_by_id}|${l.project_id}|${l.service}`;
      groups.set(k, [...(groups.get(k) ?? []), l]);
    }
    let ended = 0;
    const queue = [...groups.values()];
    await Promise.all(
      Array.from({ length: Math.min(this.o.concurrency, queue.length) }, async () => {
        for (let group = queue.shift(); group; group = queue.shift()) {
          ended += await this.end(group).catch((e: Error) => {
            this.o.log(`could not end ${group!.length} leases: ${e.message}`);
            return 0;
          });
        }
      }),
    );
    return ended;
  }

  /** Ends one setter's due leases in one project and service; returns how many ended. */
  private async end(group: ShareLeasesTable[]): Promise<number> {
    const { db, instanceId, tokens } = this.opts;
    const first = group[0];
    const now = this.o.now();
    const ids = group.map((l) => l.id);
    const who = {
      userId: first.set_by_id,
      accountId: first.account_id,
      projectId: first.project_id,
      region: first.region,
    };
    const since = group.reduce<number | null>(
      (m, l) => (l.waiting_since && (!m || l.waiting_since < m) ? l.waiting_since : m),
      null,
    );
    const token = await tokens.tokenFor(who, since).catch(() => null);
    if (token === null) {
      await releaseClaims(db, instanceId, ids, {
        retryAt: now + 5_000,
        message: json(text("leases.status.cloudDown")),
      });
      return 0;
    }
    if (!token) {
      const message = json(text("leases.status.waitingForSignIn", { user: first.set_by_name }));
      await releaseClaims(db, instanceId, ids, { retryAt: now + 5_000, message, waitingSince: since ?? now });
      return 0;
    }
    const held = await renewClaims(db, instanceId, ids, now, now + this.o.claimMs);
    const leases = group.filter((l) => held.has(l.id));
    const wanted = new Map<string, string[]>();
    for (const l of leases) wanted.set(l.image_id, [...(wanted.get(l.image_id) ?? []), l.member_id]);
    const scope = { token: token.token, region: first.region, projectId: first.project_id };
    let outcomes: PairOutcome[];
    let calls = { jobs: [] as string[], requests: [] as string[] };
    try {
      const removed = await removeMembers(
        scope,
        first.service as ImageService,
        wanted,
        (a) => (calls = { jobs: [...a.jobIds], requests: [...a.requestIds] }),
      );
      outcomes = removed.outcomes;
    } catch (e) {
      if (e instanceof CloudError && e.isUnauthenticated) {
        tokens.refused(token.token);
        await releaseClaims(db, instanceId, ids, { retryAt: now, message: null });
        return 0;
      }
      const reason = errorText(toAppError(e));
      await releaseClaims(db, instanceId, ids, {
        retryAt: now + retryDelay(first.attempts),
        message: json(reason),
        failed: true,
      });
      return 0;
    }
    const byPair = new Map(outcomes.map((o) => [key(o), o]));
    const done = leases.filter(
      (l) => byPair.get(key({ image: l.image_id, target: l.member_id }))?.outcome !== "failed",
    );
    const failed = leases.filter((l) => !done.includes(l));
    const count = await this.close(done, byPair, calls);
    for (const l of failed) {
      const reason = byPair.get(key({ image: l.image_id, target: l.member_id }))?.reason;
      await releaseClaims(db, instanceId, [l.id], {
        retryAt: now + retryDelay(l.attempts),
        message: reason ? json(reason) : null,
        failed: true,
      });
    }
    return count;
  }

  /** Closes the ended leases still held, and audits each image's once, in one transaction. */
  private async close(
    leases: ShareLeasesTable[],
    byPair: Map<string, PairOutcome>,
    calls: { jobs: string[]; requests: string[] },
  ): Promise<number> {
    if (leases.length === 0) return 0;
    const { db, instanceId } = this.opts;
    const now = this.o.now();
    const images = new Map<string, ShareLeasesTable[]>();
    for (const l of leases) images.set(l.image_id, [...(images.get(l.image_id) ?? []), l]);
    return db.transaction().execute(async (tx) => {
      let count = 0;
      for (const [imageId, ofImage] of images) {
        const closed = new Set<string>();
        for (const outcome of ["removed", "gone"] as const) {
          const ids = ofImage
            .filter(
              (l) =>
                (byPair.get(key({ image: l.image_id, target: l.member_id }))?.outcome === "succeeded") ===
                (outcome === "removed"),
            )
            .map((l) => l.id);
          if (ids.length === 0) continue;
          const rows = await tx
            .updateTable("share_leases")
            .set({
              status: "ended",
              ended_at: now,
              end_outcome: outcome,
              lease_owner: null,
              lease_until: 0,
              status_message: null,
            })
            .where("id", "in", ids)
            .where("status", "=", "active")
            .where("lease_owner", "=", instanceId)
            .returning("id")
            .execute();
          for (const r of rows) closed.add(r.id);
        }
        const ended = ofImage.filter((l) => closed.has(l.id));
        if (ended.length === 0) continue;
        count += ended.length;
        const l = ended[0];
        const pairs: AuditPair[] = ended.map((e) => {
          const o = byPair.get(key({ image: e.image_id, target: e.member_id }));
          return o?.outcome === "succeeded"
            ? { image: imageId, target: e.member_id, outcome: "succeeded" }
            : { image: imageId, target: e.member_id, outcome: "skipped", code: o?.code ?? "not_member" };
        });
        await writeAuditEvent(tx, {
          actor: {
            userId: l.set_by_id,
            userName: l.set_by_name,
            accountId: l.account_id,
            accountName: l.account_name,
            projectId: l.project_id,
            projectName: l.project_name,
            region: l.region,
          },
          action: "lease_ended",
          source: "lease",
          outcome: rollUp(pairs),
          images: [imageId],
          targets: ended.map((e) => e.member_id),
          pairs,
          input: {
            imageName: l.image_name,
            service: l.service,
            leases: ended.map((e) => ({
              id: e.id,
              member: e.member_id,
              endsAt: new Date(Number(e.ends_at)).toISOString(),
              setBy: e.set_by_name,
            })),
          },
          // The calls' ids: the CTS import knows the removal as this event, not as an unshare of its own.
          upstreamRequestId: calls.requests.join(",") || undefined,
          upstreamJobId: calls.jobs.join(",") || undefined,
          durationMs: now - Math.min(...ended.map((e) => Number(e.ends_at))),
          occurredAt: now,
        });
      }
      return count;
    });
  }
}

const json = (t: Text) => JSON.stringify(t);
