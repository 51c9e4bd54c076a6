import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import type { DriftEntry } from "./watches";

/** Events that change who has an image: the console's, the API's, a lease's or CTS's. */
const SHARING_ACTIONS = [
  "share",
  "unshare",
  "batch_launched",
  "batch_finished",
  "lease_ended",
  "manifest_applied",
  "approval_approved",
  "accept",
  "reject",
];

/** How far back the history is read for one check: enough for any account's recent sharing. */
const LOOK_BACK = 2_000;

/**
 * Who last changed each drifted pair, from the history (which holds CTS imports too): the newest
 * sharing event of the account naming both the image and the member. A pair nobody's event names was
 * changed where neither the console nor an imported CTS trace saw it; it keeps no `changedBy`.
 */
export async function blame(
  db: Kysely<Database>,
  accountId: string,
  projectId: string,
  drift: DriftEntry[],
): Promise<DriftEntry[]> {
  if (drift.length === 0) return drift;
  const events = await db
    .selectFrom("audit_events")
    .select(["user_name", "source", "action", "occurred_at", "images", "targets"])
    .where("account_id", "=", accountId)
    .where("project_id", "=", projectId)
    .where("action", "in", SHARING_ACTIONS)
    .orderBy("seq", "desc")
    .limit(LOOK_BACK)
    .execute();
  const parsed = events.map((e) => ({
    ...e,
    images: new Set(JSON.parse(e.images) as string[]),
    targets: new Set((JSON.parse(e.targets) as string[]).map((t) => t.toLowerCase())),
  }));
  return drift.map((d) => {
    const names = [d.target.value.toLowerCase(), d.target.memberId.toLowerCase()];
    const last = parsed.find((e) => e.images.has(d.image) && names.some((n) => e.targets.has(n)));
    if (!last) return d;
    return {
      ...d,
      changedBy: { user: last.user_name, source: last.source, action: last.action, at: Number(last.occurred_at) },
    };
  });
}
