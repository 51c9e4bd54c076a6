import type { HistoryScope } from "@/lib/audit/read";
import { routeSession } from "@/lib/auth/session";

/** The scope a History route may read; throws `session_expired` without a live session. */
export async function historyScope(): Promise<HistoryScope> {
  const session = await routeSession();
  return { accountId: session.accountId, projectId: session.projectId };
}
