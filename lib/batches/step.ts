import type { Kysely } from "kysely";
import type { Scope } from "@/lib/cloud/ims";
import type { BatchesTable, Database } from "@/lib/db/types";

/** How the tracker paces its work; each has a default in the Tracker. */
export interface TrackerSettings {
  /** How often a running job is read. */
  pollMs: number;
  /** How long a lease lasts without renewal. */
  leaseMs: number;
  /** How often the tracker looks for work and renews its leases. */
  tickMs: number;
  /** Images per IMS call. */
  chunkImages: number;
  /** Targets per IMS call (the console's cap). */
  targetsPerCall: number;
  jobsInFlight: number;
  cphConcurrency: number;
  /** A job running longer than this is given up and its pairs settled by reading members. */
  jobTimeoutMs: number;
  /** How long after a call whose answer was lost the members are read to learn what it did. */
  lostAnswerGraceMs: number;
  /** Sends of one pair before it is failed for good (lost answers, throttling). */
  maxAttempts: number;
  now: () => number;
  log: (message: string) => void;
}

/** One step of one batch, as the sending, settling and reconciling parts see it. */
export interface Step {
  db: Kysely<Database>;
  batch: BatchesTable;
  scope: Scope;
  o: TrackerSettings;
  /** Renews the batch's lease before a cloud call; throws LeaseLost when it was lost (nothing is sent). */
  guard(): Promise<void>;
  /** Leaves the batch alone until then (throttling). */
  pauseUntil(time: number): void;
}

/** The cloud refused the step's token (401): it is never used again, and the next step looks for another. */
export class SignInNeeded extends Error {}
