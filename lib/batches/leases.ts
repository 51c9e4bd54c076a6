import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import { claimLease, leaseCandidates, releaseLeases } from "./lease-store";

/** The lease of a batch was taken by another instance (or this one halted): the step stops. */
export class LeaseLost extends Error {}

/**
 * This instance's leases on active batches: claimed on each pass, renewed before each cloud call so
 * that every job is polled by one instance at a time, and let go on a clean stop. A holder that dies
 * is replaced once its lease runs out.
 */
export class Leases {
  /** The batches this instance holds. */
  readonly owned = new Set<string>();
  private halted = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly holder: string,
    private readonly leaseMs: number,
    private readonly now: () => number,
  ) {}

  /** Claims or renews every active batch this instance holds or may take; forgets the rest. */
  async refresh(now = this.now()): Promise<void> {
    const candidates = await leaseCandidates(this.db, this.holder, now);
    const seen = new Set(candidates);
    for (const id of this.owned) if (!seen.has(id)) this.owned.delete(id);
    for (const id of candidates) {
      if (await this.claim(id, now)) this.owned.add(id);
      else this.owned.delete(id);
    }
  }

  /** Takes or renews the lease; false when another live instance holds it. */
  claim(id: string, now = this.now()): Promise<boolean> {
    return claimLease(this.db, id, this.holder, now, now + this.leaseMs);
  }

  /** Renews the lease before a cloud call; throws LeaseLost when it was lost. */
  async guard(id: string): Promise<void> {
    if (this.halted || !(await this.claim(id))) {
      this.owned.delete(id);
      throw new LeaseLost();
    }
  }

  /** The batch ended (its lease was let go with it). */
  drop(id: string): void {
    this.owned.delete(id);
  }

  /** Renews nothing any more, as a killed process would not. */
  halt(): void {
    this.halted = true;
  }

  /** Lets go of every lease: another instance takes over at once. */
  async release(): Promise<void> {
    if (this.owned.size) await releaseLeases(this.db, this.holder);
    this.owned.clear();
  }
}
