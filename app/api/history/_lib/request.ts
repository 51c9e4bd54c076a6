import { currentSession } from "@/lib/auth/session";
import type { HistoryScope } from "@/lib/audit/read";
import { appError, type AppError } from "@/lib/errors";

export const noStore = { "Cache-Control": "no-store" };

export const fail = (status: number, error: AppError) => Response.json({ error }, { status, headers: noStore });

/** The scope a History route may read: 401 JSON without a live session (a route answers, it does not redirect). */
export async function historyScope(): Promise<HistoryScope | Response> {
  const session = await currentSession();
  if (!session || session.tokenExpiresAt <= Date.now()) return fail(401, appError("session_expired"));
  return { accountId: session.accountId, projectId: session.projectId };
}

export const notInScope = () =>
  fail(404, appError("not_found", "This event does not exist, or it belongs to another account or project."));
