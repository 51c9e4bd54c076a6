import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { AuditActor } from "@/lib/audit/writer";
import type { Database, ShareLeasesTable } from "@/lib/db/types";
import type { ImageService } from "./pairs";

type Db = Kysely<Database> | Transaction<Database>;

/** Who sets or changes a lease, as the audit trail names an actor: the scheduler later acts with their token. */
export type LeaseSetter = AuditActor;

/** A member to give an end date: as the share that added it, or the member list, names it. */
export interface LeaseMember {
  imageId: string;
  imageName: string;
  memberId: string;
  targetKind: string;
  target: string;
}

export type LeaseRow = ShareLeasesTable;

/**
 * Gives each member an end date: a new active lease, or the member's active lease moved to the new
 * date (and to the new setter). Warnings already sent for another date are sent again for this one.
 */
export async function setLeases(
  db: Db,
  service: ImageService,
  members: readonly LeaseMember[],
  endsAt: number,
  by: LeaseSetter,
  now = Date.now(),
): Promise<void> {
  for (const m of members) {
    const moved = await db
      .updateTable("share_leases")
      .set({
        ends_at: endsAt,
        set_by_id: by.userId,
        set_by_name: by.userName,
        set_at: now,
        waiting_since: null,
        status_message: null,
        attempts: 0,
        next_attempt_at: 0,
      })
      .where("project_id", "=", by.projectId)
      .where("image_id", "=", m.imageId)
      .where("member_id", "=", m.memberId)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (moved.numUpdatedRows > 0n) continue;
    await db
      .insertInto("share_leases")
      .values({
        id: randomUUID(),
        account_id: by.accountId,
        account_name: by.accountName,
        project_id: by.projectId,
        project_name: by.projectName,
        region: by.region,
        service,
        image_id: m.imageId,
        image_name: m.imageName,
        member_id: m.memberId,
        target_kind: m.targetKind,
        target: m.target,
        ends_at: endsAt,
        set_by_id: by.userId,
        set_by_name: by.userName,
        set_at: now,
        status: "active",
        warned_for: null,
        waiting_since: null,
        status_message: null,
        attempts: 0,
        next_attempt_at: 0,
        ended_at: null,
        end_outcome: null,
        lease_owner: null,
        lease_until: 0,
      })
      .execute();
  }
}

/**
 * The project's active leases on these images (all of its images when none are named), the soonest end
 * first; with `endsBy`, only those that end by then (the overview's "ending soon").
 */
export async function activeLeases(
  db: Db,
  projectId: string,
  imageIds?: readonly string[],
  endsBy?: number,
): Promise<LeaseRow[]> {
  if (imageIds && imageIds.length === 0) return [];
  let q = db
    .selectFrom("share_leases")
    .selectAll()
    .where("project_id", "=", projectId)
    .where("status", "=", "active")
    .orderBy("ends_at");
  if (imageIds) q = q.where("image_id", "in", [...imageIds]);
  if (endsBy !== undefined) q = q.where("ends_at", "<=", endsBy);
  return q.execute();
}

/**
 * The leases on shares made to a recipient on this deployment: images shared with this project or its
 * account. The recipient sees the end date, never who set it.
 */
export async function leasesForRecipient(
  db: Db,
  recipient: { projectId: string; accountId: string },
  imageIds: readonly string[],
): Promise<Pick<LeaseRow, "id" | "image_id" | "member_id" | "ends_at" | "account_id" | "project_id">[]> {
  if (imageIds.length === 0) return [];
  return db
    .selectFrom("share_leases")
    .select(["id", "image_id", "member_id", "ends_at", "account_id", "project_id"])
    .where("status", "=", "active")
    .where("image_id", "in", [...imageIds])
    .where((eb) => eb.or([eb("member_id", "=", recipient.projectId), eb("member_id", "=", recipient.accountId)]))
    .execute();
}

/**
 * The members were removed another way (an unshare, a batch): their leases end with them, so the
 * scheduler does not remove a member shared again later.
 */
export async function closeLeasesOf(
  db: Db,
  projectId: string,
  pairs: readonly { image: string; target: string }[],
  outcome: "unshared" | "cancelled",
  now = Date.now(),
): Promise<void> {
  for (const p of pairs) {
    await db
      .updateTable("share_leases")
      .set({ status: "cancelled", ended_at: now, end_outcome: outcome, lease_owner: null, lease_until: 0 })
      .where("project_id", "=", projectId)
      .where("image_id", "=", p.image)
      .where("member_id", "=", p.target)
      .where("status", "=", "active")
      .execute();
  }
}

/** How many of the project's members lose access by `until`, per image (the Images list's filter). */
export async function expiringImages(db: Db, projectId: string, until: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("share_leases")
    .select(["image_id", sql<number>`count(*)`.as("n")])
    .where("project_id", "=", projectId)
    .where("status", "=", "active")
    .where("ends_at", "<=", until)
    .groupBy("image_id")
    .execute();
  return new Map(rows.map((r) => [r.image_id, Number(r.n)]));
}
