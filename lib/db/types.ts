import type { Generated, Insertable, Selectable } from "kysely";

/** Times are epoch milliseconds in a bigint (read back as numbers on both databases). */
export interface SessionsTable {
  id: string;
  user_id: string;
  user_name: string;
  account_id: string;
  account_name: string;
  project_id: string;
  project_name: string;
  region: string;
  /** IAM role names of the token, JSON array. */
  roles: string;
  /** The IAM token, AES-256-GCM encrypted with a key derived from AUTH_SECRET. */
  token_ciphertext: string;
  token_expires_at: number;
  created_at: number;
  updated_at: number;
}

export type AuditOutcome = "succeeded" | "failed" | "partial";
export type AuditSource = "console" | "cts";

/** Append-only: no code path updates or deletes a row. */
export interface AuditEventsTable {
  seq: Generated<number>;
  id: string;
  occurred_at: number;
  account_id: string;
  account_name: string;
  user_id: string;
  user_name: string;
  project_id: string;
  project_name: string;
  region: string;
  /** `share`, `unshare`, `accept`, `reject`, `signed_in`, `signed_out`, `switched_project`, … */
  action: string;
  source: AuditSource;
  outcome: AuditOutcome;
  /** Image ids the event is about, JSON array. */
  images: string;
  /** Member or target ids, JSON array. */
  targets: string;
  /** Per-pair outcomes, JSON array of `{image, target, outcome, code?}`. */
  pairs: string;
  /** The validated input, secrets removed, JSON. */
  input: string;
  error_code: string | null;
  error_message: string | null;
  upstream_request_id: string | null;
  upstream_job_id: string | null;
  duration_ms: number;
}

/** When a user last looked at a project's Incoming page: later shares are shown as new. */
export interface InboxViewsTable {
  user_id: string;
  project_id: string;
  seen_at: number;
}

export interface Database {
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  inbox_views: InboxViewsTable;
}

export type SessionRow = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
