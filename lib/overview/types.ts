import type { AppError } from "@/lib/errors";
import type { Text } from "@/lib/i18n/text";

/** The overview's tiles, in the page's order: each one concern, read on its own (lib/overview/load.ts). */
export const TILES = ["incoming", "approvals", "batches", "leases", "outside", "drift", "nearLimit", "cts"] as const;
export type TileName = (typeof TILES)[number] | "activity";

/** The few most urgent items a tile lists; its link opens the page with all of them. */
export const TILE_ITEMS = 5;

/** "The last 7 days" of the batches and CTS tiles, and "the next 7 days" of the leases tile. */
export const WINDOW_DAYS = 7;
export const ACTIVITY_DAYS = 30;

/** What a tile's read answered: its data, or the error said in the reader's language; `at` is when it was read. */
export type TileAnswer<T> = { ok: true; data: T; at: number } | { ok: false; error: AppError; at: number };

export interface IncomingTile {
  count: number;
  /** More shares are pending than the console reads at once (5,000). */
  truncated: boolean;
  /** The oldest first; `sharedAt` when the membership could be read. */
  items: { id: string; name: string; owner: string; sharedAt?: number }[];
}

export interface ApprovalsTile {
  waiting: number;
  yours: number;
  /** Waiting for this admin first, then their own; the oldest first within each. */
  items: {
    id: string;
    by: string;
    mine: boolean;
    renewal: boolean;
    pairs: number;
    requestedAt: number;
    expiresAt: number;
  }[];
}

export interface BatchesTile {
  count: number;
  items: {
    id: string;
    operation: "share" | "unshare";
    status: string;
    by: string;
    createdAt: number;
    finishedAt: number | null;
    failed: number;
    launched: number;
    done: number;
  }[];
}

export interface LeasesTile {
  count: number;
  /** The soonest first. */
  items: { imageId: string; imageName: string; service: string; memberId: string; endsAt: number }[];
}

export interface OutsideTile {
  /** Changes imported from CTS since `from` (a UTC day, as History's filter takes it). */
  count: number;
  outsidePolicy: number;
  from: string;
  /** Those outside the policy first, then the newest. */
  items: {
    id: string;
    action: string;
    by: string;
    at: number;
    images: string[];
    targets: string[];
    outsidePolicy: boolean;
  }[];
}

export interface DriftTile {
  watched: number;
  drifted: number;
  /** Checks that failed or wait for a sign-in: drift cannot be told for them. */
  unchecked: number;
  items: {
    id: string;
    name: string;
    status: string;
    driftCount: number;
    checkedAt: number | null;
    statusText?: Text;
  }[];
}

export interface NearLimitTile {
  /** IMS and phone images together; `images` of IMS, `phones` of CPH. */
  count: number;
  images: number;
  phones: number;
  /** IMS images read to find them (the Images list's first page of 100). */
  scanned: number;
  /** More IMS images than were read: the list may hold more. */
  more: boolean;
  /** The fullest first. */
  items: { id: string; name: string; service: "ims" | "cph"; members: number; limit: number }[];
}

export interface CtsTile {
  /** The schedule's interval; 0 when it is off. */
  intervalMs: number;
  last?: {
    startedAt: number;
    status: string;
    trigger: string;
    imported: number;
    known: number;
    coveredTo: number | null;
    /** Why the run failed or was skipped, said in the reader's language. */
    error?: Text;
  };
  /** No import ran when the schedule says one should have, or CTS's 7 days may hold traces no import read. */
  overdue: boolean;
  nextAt?: number;
}

export type ActivitySource = "console" | "cts" | "lease" | "api";
export type ActivityAction = "share" | "unshare" | "accept" | "reject";

export interface ActivityTile {
  days: { day: number; counts: Partial<Record<ActivitySource, Partial<Record<ActivityAction, number>>>> }[];
}

export interface TileData {
  incoming: IncomingTile;
  approvals: ApprovalsTile;
  batches: BatchesTile;
  leases: LeasesTile;
  outside: OutsideTile;
  drift: DriftTile;
  nearLimit: NearLimitTile;
  cts: CtsTile;
  activity: ActivityTile;
}
