import type { Kysely } from "kysely";
import type { Database, NotificationOutboxTable } from "@/lib/db/types";

/**
 * The outbox of deliveries (lib/notify/store `enqueue` writes it): claimed by one instance at a time
 * like leases and batches, each delivery tried until its receiver takes it, with backoff, and kept as
 * the delivery log.
 */

/** Claims up to `limit` deliveries that are due (never tried, or their retry time came). */
export async function claimDeliveries(
  db: Kysely<Database>,
  holder: string,
  now: number,
  until: number,
  limit: number,
): Promise<NotificationOutboxTable[]> {
  await db
    .updateTable("notification_outbox")
    .set({ lease_owner: holder, lease_until: until })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("notification_outbox")
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", now)
        .where((e) => e.or([e("lease_owner", "is", null), e("lease_until", "<", now)]))
        .orderBy("next_attempt_at")
        .limit(limit),
    )
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("lease_owner", "is", null), eb("lease_until", "<", now)]))
    .execute();
  return db
    .selectFrom("notification_outbox")
    .selectAll()
    .where("lease_owner", "=", holder)
    .where("lease_until", "=", until)
    .where("status", "=", "pending")
    .orderBy("created_at")
    .execute();
}

/** The receiver took it. */
export async function markDelivered(
  db: Kysely<Database>,
  id: string,
  holder: string,
  answer: { status?: number; now: number },
): Promise<void> {
  await db
    .updateTable("notification_outbox")
    .set((eb) => ({
      status: "delivered",
      attempts: eb("attempts", "+", 1),
      last_status: answer.status ?? null,
      last_error: null,
      delivered_at: answer.now,
      lease_owner: null,
      lease_until: 0,
    }))
    .where("id", "=", id)
    .where("lease_owner", "=", holder)
    .execute();
}

/**
 * It was not taken: tried again at `retryAt`, or given up (`failed`) once attempts run out. `counts`
 * false leaves the attempts alone (nobody signed in to publish with: nothing was tried).
 */
export async function markNotDelivered(
  db: Kysely<Database>,
  row: Pick<NotificationOutboxTable, "id" | "attempts">,
  holder: string,
  answer: { status?: number; error: string; retryAt: number; giveUp: boolean; counts?: boolean },
): Promise<void> {
  await db
    .updateTable("notification_outbox")
    .set({
      status: answer.giveUp ? "failed" : "pending",
      attempts: answer.counts === false ? row.attempts : row.attempts + 1,
      last_status: answer.status ?? null,
      last_error: answer.error.slice(0, 500),
      next_attempt_at: answer.retryAt,
      lease_owner: null,
      lease_until: 0,
    })
    .where("id", "=", row.id)
    .where("lease_owner", "=", holder)
    .execute();
}

/** The account's latest deliveries, newest first: the delivery log. */
export async function listDeliveries(db: Kysely<Database>, accountId: string, limit = 50) {
  return db
    .selectFrom("notification_outbox")
    .select(["id", "channel", "destination", "event_type", "status", "attempts", "next_attempt_at"])
    .select(["last_status", "last_error", "created_at", "delivered_at"])
    .where("account_id", "=", accountId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Sends a given-up delivery again (same id: the receiver can still tell it is the same one). */
export async function requeueDelivery(db: Kysely<Database>, accountId: string, id: string, now: number) {
  const res = await db
    .updateTable("notification_outbox")
    .set({ status: "pending", next_attempt_at: now, attempts: 0, lease_owner: null, lease_until: 0 })
    .where("id", "=", id)
    .where("account_id", "=", accountId)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** Backoff: the first retry after `baseMs`, each next one twice as late, at most an hour. */
export const backoff = (baseMs: number, attempts: number) =>
  Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3600_000);
