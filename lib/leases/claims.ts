import type { Kysely } from "kysely";
import type { Database, ShareLeasesTable } from "@/lib/db/types";

/**
 * The scheduler's hold on the leases it is ending, as the batch tracker holds batches: a claim is a
 * conditional update (nobody's, or a holder's whose time ran out), so two instances never end the
 * same lease at once, and a claim that dies with its instance lapses and is taken over.
 */

/** Claims up to `limit` due leases for `holder` until `until`; returns them. */
export async function claimDue(
  db: Kysely<Database>,
  holder: string,
  now: number,
  until: number,
  limit: number,
): Promise<ShareLeasesTable[]> {
  await db
    .updateTable("share_leases")
    .set({ lease_owner: holder, lease_until: until })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("share_leases")
        .select("id")
        .where("status", "=", "active")
        .where("ends_at", "<=", now)
        .where("next_attempt_at", "<=", now)
        .where((e) => e.or([e("lease_owner", "is", null), e("lease_until", "<", now)]))
        .orderBy("ends_at")
        .limit(limit),
    )
    // Checked again on the row itself: another instance's claim since the list was read wins.
    .where("status", "=", "active")
    .where((eb) => eb.or([eb("lease_owner", "is", null), eb("lease_until", "<", now)]))
    .execute();
  return db
    .selectFrom("share_leases")
    .selectAll()
    .where("lease_owner", "=", holder)
    .where("lease_until", "=", until)
    .where("status", "=", "active")
    .execute();
}

/** Renews this holder's claim on the leases before a cloud call; returns the ids it still holds. */
export async function renewClaims(
  db: Kysely<Database>,
  holder: string,
  ids: readonly string[],
  now: number,
  until: number,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  await db
    .updateTable("share_leases")
    .set({ lease_until: until })
    .where("id", "in", [...ids])
    .where("status", "=", "active")
    .where("lease_owner", "=", holder)
    .where("lease_until", ">=", now)
    .execute();
  const held = await db
    .selectFrom("share_leases")
    .select("id")
    .where("id", "in", [...ids])
    .where("lease_owner", "=", holder)
    .where("lease_until", "=", until)
    .where("status", "=", "active")
    .execute();
  return new Set(held.map((r) => r.id));
}

/** Lets go of leases not ended this time: tried again after `retryAt`, with why they wait. */
export async function releaseClaims(
  db: Kysely<Database>,
  holder: string,
  ids: readonly string[],
  change: { retryAt: number; message: string | null; waitingSince?: number | null; failed?: boolean },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("share_leases")
    .set((eb) => ({
      lease_owner: null,
      lease_until: 0,
      next_attempt_at: change.retryAt,
      status_message: change.message,
      ...(change.waitingSince !== undefined && { waiting_since: change.waitingSince }),
      ...(change.failed && { attempts: eb("attempts", "+", 1) }),
    }))
    .where("id", "in", [...ids])
    .where("lease_owner", "=", holder)
    .execute();
}
