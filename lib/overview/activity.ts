import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import { ACTIVITY_DAYS, type ActivityAction, type ActivitySource, type ActivityTile } from "./types";

const DAY_MS = 86_400_000;

/** The history's actions the chart counts, by what they did to a share: a lease's end is an unshare. */
const COUNTED: Record<string, ActivityAction> = {
  share: "share",
  unshare: "unshare",
  accept: "accept",
  reject: "reject",
  lease_ended: "unshare",
};
const SOURCES = new Set<string>(["console", "cts", "lease", "api"]);

/**
 * Shares, unshares, accepts and rejects of the project per UTC day of the last 30 (today included), by
 * where they were made: the console, CTS (outside it), a lease's end, or the API. Every day is present.
 */
export async function activityTile(
  db: Kysely<Database>,
  scope: { accountId: string; projectId: string },
  now: number,
  days = ACTIVITY_DAYS,
): Promise<ActivityTile> {
  const endDay = Math.floor(now / DAY_MS);
  const startDay = endDay - days + 1;
  const rows = await db
    .selectFrom("audit_events")
    .select((eb) => [
      sql<number>`${eb.ref("occurred_at")} / ${sql.lit(DAY_MS)}`.as("day"),
      "source",
      "action",
      eb.fn.countAll<number>().as("n"),
    ])
    .where("account_id", "=", scope.accountId)
    .where("project_id", "=", scope.projectId)
    .where("occurred_at", ">=", startDay * DAY_MS)
    .where("action", "in", Object.keys(COUNTED))
    .groupBy(["day", "source", "action"])
    .execute();
  const out: ActivityTile["days"] = Array.from({ length: days }, (_, i) => ({
    day: (startDay + i) * DAY_MS,
    counts: {},
  }));
  for (const r of rows) {
    const slot = out[Math.floor(Number(r.day)) - startDay];
    if (!slot || !SOURCES.has(r.source)) continue;
    const bySource = (slot.counts[r.source as ActivitySource] ??= {});
    const action = COUNTED[r.action];
    bySource[action] = (bySource[action] ?? 0) + Number(r.n);
  }
  return { days: out };
}
