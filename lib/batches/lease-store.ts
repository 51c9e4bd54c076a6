import type { Kysely } from "kysely";
import type { BatchStatus, Database } from "@/lib/db/types";
import type { Db } from "./pair-store";

/** Batches the tracker follows: sending and polling, or waiting for their launcher to sign in. */
export const ACTIVE_BATCH_STATUSES: BatchStatus[] = ["running", "waiting_for_sign_in"];

/** Active batches this instance holds or may take (nobody's lease, or one run out), oldest first. */
export async function leaseCandidates(db: Kysely<Database>, holder: string, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom("batches")
    .select("id")
    .where("status", "in", ACTIVE_BATCH_STATUSES)
    .where((eb) => eb.or([eb("lease_owner", "=", holder), eb("lease_until", "<", now)]))
    .orderBy("created_at")
    .limit(100)
    .execute();
  return rows.map((r) => r.id);
}

/** Takes or renews the lease on an active batch until `until`; false when another live holder has it. */
export async function claimLease(
  db: Kysely<Database>,
  id: string,
  holder: string,
  now: number,
  until: number,
): Promise<boolean> {
  const res = await db
    .updateTable("batches")
    .set({ lease_owner: holder, lease_until: until })
    .where("id", "=", id)
    .where("status", "in", ACTIVE_BATCH_STATUSES)
    .where((eb) => eb.or([eb("lease_owner", "=", holder), eb("lease_until", "<", now)]))
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** Lets go of every lease of this holder: another instance may take the batches at once. */
export async function releaseLeases(db: Kysely<Database>, holder: string): Promise<void> {
  await db
    .updateTable("batches")
    .set({ lease_owner: null, lease_until: 0 })
    .where("lease_owner", "=", holder)
    .execute();
}

/** Whether any batch, of any holder, is still active. */
export async function anyActiveBatch(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom("batches")
    .select("id")
    .where("status", "in", ACTIVE_BATCH_STATUSES)
    .executeTakeFirst();
  return row !== undefined;
}

/** The batch if it is running and this holder has its lease (the one who may end it). */
export async function heldRunningBatch(db: Db, id: string, holder: string) {
  return db
    .selectFrom("batches")
    .selectAll()
    .where("id", "=", id)
    .where("status", "=", "running")
    .where("lease_owner", "=", holder)
    .executeTakeFirst();
}

/** Marks the batch reported up to `version` and lets go of its lease. */
export async function closeBatch(db: Db, id: string, version: number): Promise<void> {
  await db
    .updateTable("batches")
    .set({ reported_version: version, lease_owner: null, lease_until: 0 })
    .where("id", "=", id)
    .execute();
}
