import type { Kysely } from "kysely";
import { decryptToken } from "@/lib/auth/crypto";
import { CloudError } from "@/lib/cloud/errors";
import { publishMessage } from "@/lib/cloud/smn";
import type { Database, NotificationOutboxTable } from "@/lib/db/types";
import { topicPlace } from "@/lib/notify/settings";
import type { StoredNotice } from "@/lib/notify/store";
import { deliverWebhook, type OutgoingEvent, type WebhookPreset } from "@/lib/notify/webhook";
import { Repeat } from "@/lib/repeat";
import { backoff, claimDeliveries, markDelivered, markNotDelivered } from "./outbox";
import { renderNotice } from "./render";

/** The part of the session store (lib/auth/session-store) SMN publishing needs: an admin's token in the topic's project. */
export interface PublishSessions {
  latestInProject(
    accountId: string,
    projectId: string,
    opts: { now?: number },
  ): Promise<{ token: string; region: string; projectId: string } | undefined>;
}

export interface DelivererOptions {
  db: Kysely<Database>;
  instanceId: string;
  /** Decrypts webhook secrets (lib/auth/crypto, the sessions' key). */
  key: Buffer;
  sessions: () => Promise<PublishSessions>;
  publicUrl?: string;
  maxAttempts: number;
  retryMs: number;
  tickMs?: number;
  claimMs?: number;
  /** Deliveries sent at once. */
  concurrency?: number;
  timeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

type Outcome = { ok: true; status?: number } | { ok: false; status?: number; error: string; counts?: boolean };

/**
 * Sends what the outbox holds: each due delivery is claimed by one instance, sent (a signed webhook
 * POST, or an SMN publish with a signed-in admin's token in the topic's project) and marked delivered,
 * or retried with backoff and given up after `maxAttempts` (the delivery log keeps it; "Send again"
 * puts it back). A delivery whose sender died mid-way is claimed again once its claim lapses, with the
 * same id: a receiver that saw it already can tell by its idempotency key.
 */
export class Deliverer {
  private readonly repeat: Repeat;

  constructor(private readonly o: DelivererOptions) {
    this.repeat = new Repeat(
      () => this.tick(),
      o.tickMs ?? 1_000,
      (e) => this.log(`pass failed: ${e.message}`),
    );
  }

  start(): this {
    this.repeat.start();
    return this;
  }

  stop(): Promise<void> {
    return this.repeat.stop();
  }

  /** Runs a pass now, not at the next tick (a test event is sent at once). */
  poke(): void {
    this.repeat.poke();
  }

  private log(message: string) {
    (this.o.log ?? ((m: string) => console.warn(`notifications ${this.o.instanceId}: ${m}`)))(message);
  }

  /** One pass over the due deliveries; returns how many were delivered. */
  async tick(): Promise<number> {
    const now = (this.o.now ?? Date.now)();
    const rows = await claimDeliveries(this.o.db, this.o.instanceId, now, now + (this.o.claimMs ?? 60_000), 200);
    let delivered = 0;
    const queue = [...rows];
    await Promise.all(
      Array.from({ length: Math.min(this.o.concurrency ?? 8, queue.length) }, async () => {
        for (let row = queue.shift(); row; row = queue.shift()) if (await this.deliver(row)) delivered++;
      }),
    );
    return delivered;
  }

  private async deliver(row: NotificationOutboxTable): Promise<boolean> {
    const now = () => (this.o.now ?? Date.now)();
    let outcome: Outcome;
    try {
      const event = renderNotice(row.id, JSON.parse(row.payload) as StoredNotice, this.o.publicUrl);
      outcome = row.channel === "smn" ? await this.publish(row, event) : await this.post(row, event);
    } catch (e) {
      outcome = { ok: false, error: (e as Error).message };
    }
    if (outcome.ok) {
      await markDelivered(this.o.db, row.id, this.o.instanceId, { status: outcome.status, now: now() });
      return true;
    }
    const attempts = row.attempts + (outcome.counts === false ? 0 : 1);
    const giveUp = attempts >= this.o.maxAttempts;
    const retryAt = now() + (outcome.counts === false ? 60_000 : backoff(this.o.retryMs, attempts));
    await markNotDelivered(this.o.db, row, this.o.instanceId, { ...outcome, retryAt, giveUp });
    return false;
  }

  private async post(row: NotificationOutboxTable, event: OutgoingEvent): Promise<Outcome> {
    const hook = await this.o.db
      .selectFrom("webhooks")
      .select(["url", "preset", "secret_ciphertext"])
      .where("id", "=", row.destination)
      .where("account_id", "=", row.account_id)
      .executeTakeFirst();
    if (!hook) return { ok: false, error: "The webhook was removed." };
    const target = {
      url: hook.url,
      preset: hook.preset as WebhookPreset,
      secret: decryptToken(hook.secret_ciphertext, this.o.key),
    };
    const sent = await deliverWebhook(target, event, {
      timeoutMs: this.o.timeoutMs,
      now: this.o.now,
      fetch: this.o.fetch,
    });
    return sent.ok
      ? { ok: true, status: sent.status }
      : { ok: false, status: sent.status, error: sent.error ?? "failed" };
  }

  private async publish(row: NotificationOutboxTable, event: OutgoingEvent): Promise<Outcome> {
    const place = topicPlace(row.destination);
    if (!place) return { ok: false, error: "Not an SMN topic URN." };
    const session = await (
      await this.o.sessions()
    ).latestInProject(row.account_id, place.projectId, { now: Date.now() });
    if (!session)
      return { ok: false, counts: false, error: "No admin of this account is signed in to the topic's project." };
    const scope = { token: session.token, region: place.region, projectId: place.projectId };
    try {
      const message = [event.text, event.link].filter(Boolean).join("\n\n");
      await publishMessage(scope, row.destination, { subject: event.title, message });
      return { ok: true, status: 200 };
    } catch (e) {
      if (e instanceof CloudError) return { ok: false, status: e.status, error: `${e.code}: ${e.message}` };
      throw e;
    }
  }
}
