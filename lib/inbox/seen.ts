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
    .onConflict((oc) => oc.columns(["user_id", "project_id"]).doUpdateSet({ seen_at: at }).where("inbox_views.seen_at", "<", at))
    .execute();
}
