import type { Kysely } from "kysely";
import { currentSession } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import { getBatch } from "@/lib/batches/store";
import type { BatchScope, BatchSummary } from "@/lib/batches/types";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/types";
import { appError, type AppError } from "@/lib/errors";

export const noStore = { "Cache-Control": "no-store" };

export const fail = (status: number, error: AppError) => Response.json({ error }, { status, headers: noStore });

export interface BatchRequest {
  session: StoredSession;
  scope: BatchScope;
  db: Kysely<Database>;
  summary: BatchSummary;
}

/**
 * The session and the batch a route handler may serve: 401 JSON without a live session (a route
 * answers, it does not redirect), and the same 404 for a batch of another project as for none.
 */
export async function loadBatchRequest(id: string): Promise<BatchRequest | Response> {
  const session = await currentSession();
  if (!session || session.tokenExpiresAt <= Date.now()) return fail(401, appError("session_expired"));
  const scope = { accountId: session.accountId, projectId: session.projectId };
  const db = await getDb();
  const summary = /^[0-9a-f-]{36}$/.test(id) ? await getBatch(db, id, scope) : undefined;
  if (!summary)
    return fail(404, appError("not_found", "This batch does not exist or was launched in another project."));
  return { session, scope, db, summary };
}

/**
 * A version from `Last-Event-ID` (an EventSource reconnecting: newer than the URL it first opened)
 * or `?since=`: a whole number, 0 (everything) otherwise.
 */
export function sinceOf(request: Request): number {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("since") ?? "0";
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}
