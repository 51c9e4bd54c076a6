/**
 * The tables of expiring shares and notifications (lib/leases, lib/notify): leases on members, an
 * account's notification settings and webhooks, the outbox of deliveries, and marks that keep a
 * watcher from announcing the same thing twice.
 */

export type LeaseStatus = "active" | "ended" | "cancelled";

/** An end date on one member of an image: the scheduler removes the member then (lib/leases/scheduler.ts). */
export interface ShareLeasesTable {
  id: string;
  account_id: string;
  account_name: string;
  project_id: string;
  project_name: string;
  region: string;
  service: string;
  image_id: string;
  image_name: string;
  /** The member as the cloud names it (project id, account id, or organization URN). */
  member_id: string;
  target_kind: string;
  target: string;
  ends_at: number;
  /** Who set the lease (or last changed its end): the scheduler acts with their token. */
  set_by_id: string;
  set_by_name: string;
  set_at: number;
  status: LeaseStatus;
  /** Warned that it ends soon (the `lease.ending` notification), once per end date. */
  warned_for: number | null;
  /** Since when it waits for its setter to sign in; the sentence says so. */
  waiting_since: number | null;
  status_message: string | null;
  attempts: number;
  next_attempt_at: number;
  ended_at: number | null;
  /** How it ended: `removed`, `gone` (the member was already removed), `failed`, or `cancelled`. */
  end_outcome: string | null;
  lease_owner: string | null;
  lease_until: number;
}

/** An account's notification settings (lib/notify/settings.ts `NotificationSettings`, as JSON). */
export interface NotificationSettingsTable {
  account_id: string;
  settings: string;
  updated_by: string;
  updated_at: number;
}

export type WebhookPresetName = "generic" | "dingtalk" | "wecom" | "feishu";

export interface WebhooksTable {
  id: string;
  account_id: string;
  name: string;
  url: string;
  preset: WebhookPresetName;
  /** The signing secret, encrypted like session tokens (lib/auth/crypto). */
  secret_ciphertext: string;
  enabled: number;
  created_by: string;
  created_at: number;
}

export type DeliveryStatus = "pending" | "delivered" | "failed";

/**
 * One delivery of one notification to one channel, written in the transaction of the event that
 * causes it. Its id is the idempotency key the receiver sees on every attempt.
 */
export interface NotificationOutboxTable {
  id: string;
  account_id: string;
  channel: "webhook" | "smn";
  /** The webhook's id, or the SMN topic's URN. */
  destination: string;
  event_type: string;
  /** The event as it is sent (`OutgoingEvent`), JSON. */
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
  lease_owner: string | null;
  lease_until: number;
}

/** A watcher's memory: this thing was announced (an incoming share waiting), so it is not announced again. */
export interface NotificationMarksTable {
  key: string;
  created_at: number;
}

/** Which account a project belongs to, learnt at sign-in: a recipient's answer is told to the owner's account. */
export interface ProjectAccountsTable {
  project_id: string;
  account_id: string;
  account_name: string;
  project_name: string;
  region: string;
  updated_at: number;
}
