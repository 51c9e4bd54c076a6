import type { Generated, Insertable, Selectable } from "kysely";
import type * as Api from "./api-types";
import type { CtsImportsTable } from "./cts-types";
import type { WatchedManifestsTable } from "./manifest-types";
import type * as Notify from "./notify-types";
import type { ApprovalRequestsTable, SharingPoliciesTable } from "./policy-types";

export type { ApprovalRequestsTable, ApprovalStatus, SharingPoliciesTable } from "./policy-types";
export type * from "./notify-types";
export type * from "./manifest-types";
export type * from "./api-types";
export type { CtsImportsTable } from "./cts-types";

/** IMS private images go through the batch API and its jobs; CPH images one call per pair. */
export type ImageService = "ims" | "cph";

/** What a change does to each pair: add the member (share) or remove it (unshare). */
export type Operation = "share" | "unshare";

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
/**
 * `lease`: done by the lease scheduler, in the name of whoever set the lease. `api`: done through the HTTP
 * API with a personal access token, in its user's name.
 */
export type AuditSource = "console" | "cts" | "lease" | "api";

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
  /** The hash of the account's previous event (64 zeros for the first): the chain (lib/audit/chain). */
  prev_hash: string | null;
  /** SHA-256 over this event's fields and `prev_hash`. */
  hash: string | null;
  /** The id of the record this event was imported from (a CTS trace id), for de-duplication. */
  external_id: string | null;
}

/** The newest event of each account's chain; appends lock the row. */
export interface AuditChainHeadsTable {
  account_id: string;
  seq: number;
  hash: string;
  count: number;
  /** What the oldest kept event links to: 64 zeros, or the last event removed by retention. */
  base: string;
}

/** What an event is about (`image`, `target`, `batch`), one row each, for indexed filters. */
export interface AuditRefsTable {
  account_id: string;
  project_id: string;
  kind: string;
  ref: string;
  occurred_at: number;
  seq: number;
}

/** When a user last looked at a project's Incoming page: later shares are shown as new. */
export interface InboxViewsTable {
  user_id: string;
  project_id: string;
  seen_at: number;
}

/**
 * `running`: the tracker is sending calls or following jobs. `waiting_for_sign_in`: the launcher's
 * token expired (or they signed out); the batch resumes when they sign in again. `finished`: every
 * pair has its outcome. `cancelled`: finished early, the unsent pairs cancelled.
 */
export type BatchStatus = "running" | "waiting_for_sign_in" | "finished" | "cancelled";

/**
 * One image × target pair. Launched pairs go `waiting` → `sending` (call recorded, not yet answered)
 * → `running` (the job accepted it) → `succeeded` | `failed`; `waiting` pairs can be `cancelled`.
 * Pairs decided at plan time never run: `skipped` (already a member, or not a member for unshare),
 * `blocked` (with the reason), `excluded` (the user took it out of the plan).
 */
export type PairStatus =
  "waiting" | "sending" | "running" | "succeeded" | "failed" | "cancelled" | "skipped" | "blocked" | "excluded";

/**
 * One cloud call of a batch: `sending` (recorded, not yet answered) → `running` (an IMS job to follow)
 * | `done` | `lost` (no usable answer: what it did is read from the members); `lost` → `done`. The
 * allowed moves and their names are in lib/batches/call-states.
 */
export type CallStatus = "sending" | "running" | "done" | "lost";

/** A batch share or unshare (lib/batches): one row, its pairs, and the cloud calls made for them. */
export interface BatchesTable {
  id: string;
  account_id: string;
  account_name: string;
  project_id: string;
  project_name: string;
  region: string;
  user_id: string;
  user_name: string;
  operation: Operation;
  /** A share's end date: each pair it adds gets a lease that ends then (lib/leases). */
  lease_ends_at: number | null;
  status: BatchStatus;
  /** Why the batch waits, or how it ended, in English: rows from before `status_text` have only this. */
  status_message: string | null;
  /** The same as JSON of a `Text` (lib/i18n/text): a catalogue key and its arguments. */
  status_text: string | null;
  /** JSON array of `{id, name, service}`. */
  images: string;
  /** JSON array of `{kind, value, memberId}`. */
  targets: string;
  image_count: number;
  target_count: number;
  pair_count: number;
  /** Bumped on every change; live views ask for pairs changed since the version they hold. */
  version: number;
  /** The console instance tracking the batch, and until when (0: nobody). */
  lease_owner: string | null;
  lease_until: number;
  /** When the batch began to wait for a valid token: only a sign-in after it resumes the batch. */
  waiting_since: number | null;
  /** The version when the last `batch_finished` event was written: the next one reports pairs changed after it. */
  reported_version: number;
  /** The API token with an entrusted key it was launched with: the tracker sends with that key while it is active. */
  api_token_id: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface BatchPairsTable {
  batch_id: string;
  idx: number;
  image_id: string;
  image_name: string;
  service: ImageService;
  /** `project`, `account`, `organization`. */
  target_kind: string;
  target: string;
  member_id: string;
  status: PairStatus;
  code: string | null;
  /** The reason in English: rows from before `reason_text` have only this. */
  reason: string | null;
  /** The reason as JSON of a `Text` (lib/i18n/text): a catalogue key and its arguments. */
  reason_text: string | null;
  attempt: number;
  /** The call that carries the pair now or carried it last. */
  call_id: string | null;
  version: number;
  updated_at: number;
}

/**
 * One cloud call of a batch, recorded (`sending`) before it is made: an IMS batch call and its job,
 * or one CPH member call. `sending` rows found after a crash are reconciled by reading members.
 */
export interface BatchCallsTable {
  id: string;
  batch_id: string;
  seq: number;
  service: ImageService;
  /** The request body, JSON. */
  body: string;
  status: CallStatus;
  job_id: string | null;
  request_id: string | null;
  job_status: string | null;
  /** The job's process_percent, 0..100. */
  progress: number;
  error_code: string | null;
  error_message: string | null;
  polls: number;
  /** Consecutive failed polls, for the backoff. */
  failures: number;
  next_poll_at: number;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

/** Refused sign-ins, by `user:<account>/<user>` and `address:<ip>`, for the sign-in rate limit. */
export interface SignInFailuresTable {
  key: string;
  at: number;
}

/**
 * A change in flight (lib/actions/intents): written before the first cloud call, deleted once the
 * action wrote its audit event; one left behind by a dead console is settled by reading members.
 */
export interface ActionIntentsTable {
  id: string;
  action: string;
  account_id: string;
  user_id: string;
  /** AuditActor, JSON. */
  actor: string;
  input: string;
  /** IntentPlan, JSON. */
  plan: string;
  /** IMS job ids the change got so far, comma separated: the reconciler waits for them to end. */
  jobs: string;
  started_at: number;
  lease_owner: string;
  lease_until: number;
}

/** The account's address book (lib/names): one name per account and target id. */
export interface TargetNamesTable {
  account_id: string;
  /** A project or account id (32 hex), or an organization or unit id (`o-…`, `ou-…`). */
  target_id: string;
  name: string;
  note: string | null;
  /** The user name of whoever gave the name last. */
  updated_by: string;
  updated_at: number;
}

export interface Database {
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_refs: AuditRefsTable;
  inbox_views: InboxViewsTable;
  sign_in_failures: SignInFailuresTable;
  action_intents: ActionIntentsTable;
  batches: BatchesTable;
  batch_pairs: BatchPairsTable;
  batch_calls: BatchCallsTable;
  cts_imports: CtsImportsTable;
  target_names: TargetNamesTable;
  sharing_policies: SharingPoliciesTable;
  approval_requests: ApprovalRequestsTable;
  share_leases: Notify.ShareLeasesTable;
  notification_settings: Notify.NotificationSettingsTable;
  webhooks: Notify.WebhooksTable;
  notification_outbox: Notify.NotificationOutboxTable;
  notification_marks: Notify.NotificationMarksTable;
  project_accounts: Notify.ProjectAccountsTable;
  watched_manifests: WatchedManifestsTable;
  api_tokens: Api.ApiTokensTable;
  api_token_uses: Api.ApiTokenUsesTable;
}

export type SessionRow = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
