import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { ApprovalRequestsTable, ApprovalStatus, Database } from "@/lib/db/types";
import type { RiskFlag, Verdict } from "./evaluate";

/**
 * Requests for a second admin's approval of a share the sharing policy holds back. A request keeps the
 * plan as it was asked for (what to re-plan, and the pairs as they were judged); another full admin of
 * the account approves or declines it; approved, it is planned again and launched as a batch.
 */

/** What to plan again on approval, as the batch planner takes it. */
export interface RequestedInput {
  imageIds: string[];
  targets: string;
  kind: "project" | "account";
  /** The shares' end date (epoch ms), kept for the batch the approval launches. */
  endsAt?: number;
}

/** One pair as it was judged when the request was made. */
export interface RequestedPair {
  image: string;
  imageName: string;
  target: string;
  verdict?: Verdict;
  risks?: RiskFlag[];
}

export interface RequestedPlan {
  input: RequestedInput;
  pairs: RequestedPair[];
  /** A recipient's request for a later end date (kind `lease_renewal`): the lease, its end, the end asked for. */
  renewal?: { leaseId: string; endsAt: number; until: number };
}

export interface ApprovalRequest {
  id: string;
  kind: "share" | "lease_renewal";
  accountId: string;
  projectId: string;
  projectName: string;
  region: string;
  requestedById: string;
  requestedByName: string;
  /** The requester's account when it is not the owner's (a recipient asking for a later end date). */
  requesterAccountName: string | null;
  requesterAccountId: string | null;
  requestedAt: number;
  expiresAt: number;
  reason: string | null;
  plan: RequestedPlan;
  /** Pending past its time reads as expired. */
  status: ApprovalStatus;
  decidedByName: string | null;
  decidedAt: number | null;
  decisionNote: string | null;
  batchId: string | null;
}

function fromRow(r: Selectable<ApprovalRequestsTable>, now: number): ApprovalRequest {
  const expiresAt = Number(r.expires_at);
  return {
    id: r.id,
    kind: r.kind,
    accountId: r.account_id,
    projectId: r.project_id,
    projectName: r.project_name,
    region: r.region,
    requestedById: r.requested_by_id,
    requestedByName: r.requested_by_name,
    requesterAccountName: r.requester_account_id === r.account_id ? null : r.requester_account_name,
    requesterAccountId: r.requester_account_id === r.account_id ? null : r.requester_account_id,
    requestedAt: Number(r.requested_at),
    expiresAt,
    reason: r.reason,
    plan: JSON.parse(r.plan) as RequestedPlan,
    status: r.status === "pending" && expiresAt <= now ? "expired" : r.status,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at === null ? null : Number(r.decided_at),
    decisionNote: r.decision_note,
    batchId: r.batch_id,
  };
}

export interface NewRequest {
  kind?: "share" | "lease_renewal";
  /** The requester's account, when it is not the owner's. */
  requesterAccount?: { id: string; name: string };
  accountId: string;
  projectId: string;
  projectName: string;
  region: string;
  requestedById: string;
  requestedByName: string;
  reason: string | null;
  plan: RequestedPlan;
  /** How long it waits (the policy's `approvalHours`). */
  ttlMs: number;
}

export async function createRequest(db: Kysely<Database>, r: NewRequest, now = Date.now()): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("approval_requests")
    .values({
      id,
      kind: r.kind ?? "share",
      requester_account_id: r.requesterAccount?.id ?? r.accountId,
      requester_account_name: r.requesterAccount?.name ?? null,
      account_id: r.accountId,
      project_id: r.projectId,
      project_name: r.projectName,
      region: r.region,
      service: r.kind === "lease_renewal" ? "lease" : "batch",
      requested_by_id: r.requestedById,
      requested_by_name: r.requestedByName,
      requested_at: now,
      expires_at: now + r.ttlMs,
      reason: r.reason,
      plan: JSON.stringify(r.plan),
      status: "pending",
      decided_by_id: null,
      decided_by_name: null,
      decided_at: null,
      decision_note: null,
      batch_id: null,
    })
    .execute();
  return id;
}

/** The account's requests, newest first: every pending one, and the latest decided ones. */
export async function listRequests(
  db: Kysely<Database>,
  accountId: string,
  now = Date.now(),
  limit = 50,
): Promise<ApprovalRequest[]> {
  const rows = await db
    .selectFrom("approval_requests")
    .selectAll()
    .where("account_id", "=", accountId)
    .orderBy("requested_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => fromRow(r, now));
}

export async function getRequest(
  db: Kysely<Database>,
  accountId: string,
  id: string,
  now = Date.now(),
): Promise<ApprovalRequest | undefined> {
  const row = await db
    .selectFrom("approval_requests")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && fromRow(row, now);
}

/**
 * The pending requests as the Approvals page splits them for `userId`: those waiting for them (asked by
 * someone else) and their own. A request past its time is expired, not pending (`fromRow`).
 */
export function pendingFor<R extends Pick<ApprovalRequest, "status" | "requestedById">>(
  requests: readonly R[],
  userId: string,
): { waiting: R[]; yours: R[] } {
  const pending = requests.filter((r) => r.status === "pending");
  return {
    waiting: pending.filter((r) => r.requestedById !== userId),
    yours: pending.filter((r) => r.requestedById === userId),
  };
}

/** Requests of the account that wait for someone other than `userId` (the navigation's count). */
export async function countWaiting(
  db: Kysely<Database>,
  accountId: string,
  userId: string,
  now = Date.now(),
): Promise<number> {
  const row = await db
    .selectFrom("approval_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("account_id", "=", accountId)
    .where("status", "=", "pending")
    .where("expires_at", ">", now)
    .where("requested_by_id", "!=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Decides a pending request, once: the first decision wins, and a request past its time cannot be
 * decided. Returns whether this call decided it.
 */
export async function decideRequest(
  db: Kysely<Database>,
  d: {
    accountId: string;
    id: string;
    status: Extract<ApprovalStatus, "approved" | "declined" | "withdrawn">;
    byId: string;
    byName: string;
    note: string | null;
  },
  now = Date.now(),
): Promise<boolean> {
  const res = await db
    .updateTable("approval_requests")
    .set({ status: d.status, decided_by_id: d.byId, decided_by_name: d.byName, decided_at: now, decision_note: d.note })
    .where("account_id", "=", d.accountId)
    .where("id", "=", d.id)
    .where("status", "=", "pending")
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** A recipient's requests for longer access, by the lease they are about: the latest of each (the inbox shows it). */
export async function renewalsOf(
  db: Kysely<Database>,
  requesterAccountId: string,
  now = Date.now(),
): Promise<Map<string, ApprovalRequest>> {
  const rows = await db
    .selectFrom("approval_requests")
    .selectAll()
    .where("kind", "=", "lease_renewal")
    .where("requester_account_id", "=", requesterAccountId)
    .orderBy("requested_at", "desc")
    .limit(500)
    .execute();
  const byLease = new Map<string, ApprovalRequest>();
  for (const r of rows.map((row) => fromRow(row, now))) {
    const lease = r.plan.renewal?.leaseId;
    if (lease && !byLease.has(lease)) byLease.set(lease, r);
  }
  return byLease;
}
