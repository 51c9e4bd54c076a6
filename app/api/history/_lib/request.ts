import type { HistoryScope } from "@/lib/audit/read";
import { routeSession } from "@/lib/auth/session";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";

/** The scope a History route may read; throws `session_expired` without a live session. */
export async function historyScope(): Promise<HistoryScope> {
  const session = await routeSession();
  return { accountId: session.accountId, projectId: session.projectId };
}

/** The same refusal for another account's or project's event as for none. */
export const notInScope = () => new UserError("not_found", text("errors.said.eventNotFound"));
