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
  /** `share` (a plan the policy holds back) or `lease_renewal` (a recipient asks for a later end date). */
  kind: "share" | "lease_renewal";
  account_id: string;
  project_id: string;
  project_name: string;
  region: string;
  service: string;
  requested_by_id: string;
  requested_by_name: string;
  /** The requester's account: the owner's for a share; the recipient's for a renewal. */
  requester_account_id: string | null;
  requester_account_name: string | null;
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
