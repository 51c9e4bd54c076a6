import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { attemptKeys, clearSignInFailures, recordSignInFailure, signInBlockedFor } from "./throttle";

const limits = { perUser: 3, perAddress: 5, windowMs: 60_000 };

describe.each(backends)("sign-in rate limit on $name", (backend) => {
  let db: Kysely<Database>;
  onMigratedDatabase(backend, (opened) => (db = opened));

  it("locks a user after its limit of refusals until the oldest ages out, whatever the case of the names", async () => {
    const keys = attemptKeys("Acme", "Alice", "10.0.0.1");
    expect(attemptKeys("acme", "alice", "10.0.0.1")).toEqual(keys);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(await signInBlockedFor(db, keys, limits, t0 + i)).toBeUndefined();
      await recordSignInFailure(db, keys, limits, t0 + i);
    }
    expect(await signInBlockedFor(db, keys, limits, t0 + 10)).toBe(60_000 - 10);
    // Another address does not unlock the user.
    expect(await signInBlockedFor(db, attemptKeys("acme", "alice", "10.9.9.9"), limits, t0 + 10)).toBeGreaterThan(0);
    expect(await signInBlockedFor(db, keys, limits, t0 + 60_001)).toBeUndefined();
  });

  it("locks an address that tries many users, and a success forgives only the user's refusals", async () => {
    const t0 = 5_000_000;
    for (let i = 0; i < 5; i++)
      await recordSignInFailure(db, attemptKeys("acme", `user${i}`, "10.0.0.2"), limits, t0 + i);
    expect(await signInBlockedFor(db, attemptKeys("acme", "new-user", "10.0.0.2"), limits, t0 + 10)).toBeGreaterThan(0);
    expect(await signInBlockedFor(db, attemptKeys("acme", "new-user", "10.0.0.3"), limits, t0 + 10)).toBeUndefined();

    const bob = attemptKeys("globex", "bob", "10.0.0.4");
    for (let i = 0; i < 3; i++) await recordSignInFailure(db, bob, limits, t0 + i);
    await clearSignInFailures(db, bob);
    expect(await signInBlockedFor(db, bob, limits, t0 + 10)).toBeUndefined();
  });
});
