import type { HistoryFilter } from "@/lib/audit/filter";
import { activityByDay, type HistoryScope } from "@/lib/audit/read";
import { getDb } from "@/lib/db";
import { ActivityChart } from "./activity-chart";

/** The chart's data: the filter's range, or the last 30 days. */
export async function Activity({ scope, filter }: { scope: HistoryScope; filter: HistoryFilter }) {
  return <ActivityChart days={await activityByDay(await getDb(), scope, filter)} />;
}
