import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";

export interface ThrottleLimits {
  perUser: number;
  perAddress: number;
  windowMs: number;
}

/** The keys one attempt counts against: the user (account and name, case-insensitive) and the address. */
export function attemptKeys(account: string, user: string, address: string): { user: string; address: string } {
  return { user: `user:${account.toLowerCase()}/${user.toLowerCase()}`, address: `address:${address}` };
}

/**
 * A sign-in rate limit kept in the database, so that every console instance counts the same
 * refusals: after `perUser` refused attempts for one user, or `perAddress` from one address, within
 * the window, further attempts are refused without asking IAM until the oldest refusal ages out.
 * Returns how long to wait, or undefined when the attempt may go ahead.
 */
export async function signInBlockedFor(
  db: Kysely<Database>,
  keys: { user: string; address: string },
  limits: ThrottleLimits,
  now = Date.now(),
): Promise<number | undefined> {
  const since = now - limits.windowMs;
  let wait = 0;
  for (const [key, max] of [
    [keys.user, limits.perUser],
    [keys.address, limits.perAddress],
  ] as const) {
    const rows = await db
      .selectFrom("sign_in_failures")
      .select("at")
      .where("key", "=", key)
      .where("at", ">", since)
      .orderBy("at", "desc")
      .limit(max)
      .execute();
    if (rows.length >= max) wait = Math.max(wait, Number(rows[max - 1].at) + limits.windowMs - now);
  }
  return wait > 0 ? wait : undefined;
}

export async function recordSignInFailure(
  db: Kysely<Database>,
  keys: { user: string; address: string },
  limits: ThrottleLimits,
  now = Date.now(),
): Promise<void> {
  await db
    .insertInto("sign_in_failures")
    .values([
      { key: keys.user, at: now },
      { key: keys.address, at: now },
    ])
    .execute();
  await db
    .deleteFrom("sign_in_failures")
    .where("at", "<", now - limits.windowMs)
    .execute();
}

/** A successful sign-in forgives the user's earlier refusals (not the address's). */
export async function clearSignInFailures(db: Kysely<Database>, keys: { user: string }): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("key", "=", keys.user).execute();
}
