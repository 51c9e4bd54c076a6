import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";

/** When the user last looked at the project's Incoming page (epoch ms), or undefined if never. */
export async function lastSeenAt(db: Kysely<Database>, userId: string, projectId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("inbox_views")
    .select("seen_at")
    .where("user_id", "=", userId)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  return row?.seen_at;
}

/**
 * Records that the user looked at the project's Incoming page at `at` (epoch ms). Never moves back
 * in time, so an older page render finishing late does not bring back shares already seen.
 */
export async function markSeen(db: Kysely<Database>, userId: string, projectId: string, at: number): Promise<void> {
  await db
    .insertInto("inbox_views")
    .values({ user_id: userId, project_id: projectId, seen_at: at })
    .onConflict((oc) =>
      oc.columns(["user_id", "project_id"]).doUpdateSet({ seen_at: at }).where("inbox_views.seen_at", "<", at),
    )
    .execute();
}

/**
 * Records a look at the inbox and returns what counts as new in it. IMS dates shares to the second,
 * so a share is new when it arrived in or after the second of the previous look, and the look is
 * recorded past the newest share it showed, so the same share is not new twice.
 */
export async function takeLook(
  db: Kysely<Database>,
  userId: string,
  projectId: string,
  arrivals: number[],
): Promise<(arrival: number) => boolean> {
  const before = await lastSeenAt(db, userId, projectId);
  const newest = arrivals.length ? Math.max(...arrivals) : 0;
  await markSeen(db, userId, projectId, Math.max(Date.now(), newest + 1000));
  if (before === undefined) return () => false;
  const from = Math.floor(before / 1000) * 1000;
  return (arrival) => arrival >= from;
}
