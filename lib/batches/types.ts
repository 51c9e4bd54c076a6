import type { AuditActor } from "@/lib/audit/writer";
import type { BatchStatus, PairStatus } from "@/lib/db/types";
import type { Text } from "@/lib/i18n/text";
import type { ImageService, Operation } from "@/lib/sharing/pairs";
import type { Target, TargetKind } from "@/lib/sharing/targets";

export type { BatchStatus, PairStatus } from "@/lib/db/types";
export type { ImageService } from "@/lib/sharing/pairs";

/** What a batch does to every pair: add the member (share) or remove it (unshare). */
export type BatchOperation = Operation;

export const PAIR_STATUSES: PairStatus[] = [
  "waiting",
  "sending",
  "running",
  "succeeded",
  "failed",
  "cancelled",
  "skipped",
  "blocked",
  "excluded",
];
/** Statuses of pairs still in the tracker's hands. */
export const OPEN_PAIR_STATUSES: PairStatus[] = ["waiting", "sending", "running"];

export interface BatchImage {
  id: string;
  name: string;
  service: ImageService;
}

/** A planned pair as the launcher hands it to `createBatch`: indexes into the images and targets. */
export interface NewBatchPair {
  image: number;
  target: number;
  /** `waiting` for pairs to send; `skipped`, `blocked` or `excluded` for the others. */
  status: Extract<PairStatus, "waiting" | "skipped" | "blocked" | "excluded">;
  reason?: Text;
}

export interface NewBatch {
  actor: AuditActor;
  operation: BatchOperation;
  images: BatchImage[];
  targets: Target[];
  pairs: NewBatchPair[];
  /** A share's end date: each member it adds is removed then (lib/sharing/leases). */
  leaseEndsAt?: number;
  /** The API token it is launched with, when that token acts with an entrusted key (`api_token_id`). */
  apiTokenId?: string;
  /**
   * The approved request this batch carries out, linked in the same transaction that records the batch:
   * a tracker that picks the batch up at once already sees the approval (lib/batches/policy-gate.ts).
   */
  approvalRequestId?: string;
}

export interface BatchCounts extends Record<PairStatus, number> {
  /** Pairs launched: every pair but skipped, blocked and excluded ones. */
  launched: number;
  /** Launched pairs with an outcome (succeeded, failed or cancelled). */
  done: number;
}

/** A batch as the pages show it. */
export interface BatchSummary {
  id: string;
  operation: BatchOperation;
  status: BatchStatus;
  /** Why the batch waits, or how it ended, in an English sentence (the only one of rows from before `statusText`). */
  statusMessage: string | null;
  /** The same as a catalogue key, shown in the reader's language; null for older rows. */
  statusText: Text | null;
  accountId: string;
  projectId: string;
  projectName: string;
  region: string;
  userId: string;
  userName: string;
  imageCount: number;
  targetCount: number;
  pairCount: number;
  counts: BatchCounts;
  /** Progress 0..1 over launched pairs, counting running jobs' progress. */
  progress: number;
  /** Bumped on every change (with `updatedAt`, the batch's last progress); pairs carry the version that last changed them. */
  version: number;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** IMS jobs and CPH calls made so far. */
  calls: number;
}

/** One pair as the pages and exports show it. */
export interface BatchPairView {
  idx: number;
  imageId: string;
  imageName: string;
  service: ImageService;
  targetKind: TargetKind;
  /** The target as the batch API takes it (project id, account id or URN). */
  target: string;
  /** The member id IMS records for it. */
  memberId: string;
  status: PairStatus;
  /** The cloud's error code (`IMG.0088`) or the console's (`answer_lost`). */
  code: string | null;
  /** The reason in English, as stored (CSV exports; the only one of rows from before `reasonText`). */
  reason: string | null;
  /** The reason as a catalogue key, shown in the reader's language; null for older rows. */
  reasonText: Text | null;
  /** How many times the pair was sent. */
  attempt: number;
  jobId: string | null;
  updatedAt: number;
  version: number;
}

/** Who may see a batch: the account and project it was launched in. */
export interface BatchScope {
  accountId: string;
  projectId: string;
}
