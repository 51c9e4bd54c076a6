/** The sharing policy's tables (lib/policy): one policy per account, and the requests for approval. */

/** An account's sharing policy (lib/policy/policy.ts `SharingPolicy`, as JSON). */
export interface SharingPoliciesTable {
  account_id: string;
  policy: string;
  updated_by: string;
  updated_at: number;
}

export type ApprovalStatus = "pending" | "approved" | "declined" | "expired" | "withdrawn";

/** A request for a second admin's approval of a share the policy holds back (lib/policy/approvals.ts). */
export interface ApprovalRequestsTable {
  id: string;
  account_id: string;
  project_id: string;
  project_name: string;
  region: string;
  service: string;
  requested_by_id: string;
  requested_by_name: string;
  requested_at: number;
  expires_at: number;
  /** Why the requester wants it, as typed. */
  reason: string | null;
  /** The plan as it was asked for: pairs with their verdicts and risks (JSON of `RequestedPlan`). */
  plan: string;
  status: ApprovalStatus;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: number | null;
  decision_note: string | null;
  /** The batch that carried out an approved request. */
  batch_id: string | null;
}
