/**
 * What the console tells admins who are not looking, one switch each on the Settings page. Client-safe.
 * The names are the `type` receivers see (`lease.ended`), stable across versions.
 */
export const NOTIFICATION_KINDS = [
  "incoming.waiting",
  "share.answered",
  "batch.finished",
  "batch.failed",
  "lease.ending",
  "lease.ended",
  "policy.outside",
  "approval.requested",
  "approval.decided",
  "manifest.drift",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A kind, or the Settings page's "send test event". */
export type NoticeType = NotificationKind | "test";

/** Its key in the catalogues (`notify.kinds.leaseEnded`): next-intl keys have no dots. */
export const kindKey = (kind: NoticeType) => kind.replace(/[.](\w)/g, (_, c: string) => c.toUpperCase()) as KindKey;

export type KindKey =
  | "incomingWaiting"
  | "shareAnswered"
  | "batchFinished"
  | "batchFailed"
  | "leaseEnding"
  | "leaseEnded"
  | "policyOutside"
  | "approvalRequested"
  | "approvalDecided"
  | "manifestDrift"
  | "test";
