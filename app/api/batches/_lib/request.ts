import type { Kysely } from "kysely";
import { routeSession } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import { findBatch } from "@/lib/batches/find";
import type { BatchScope, BatchSummary } from "@/lib/batches/types";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/types";

export interface BatchRequest {
  session: StoredSession;
  scope: BatchScope;
  db: Kysely<Database>;
  summary: BatchSummary;
}

/**
 * The session and the batch a route handler may serve; throws `session_expired` without a live
 * session, and the same `not_found` for a batch of another project as for none.
 */
export async function loadBatchRequest(id: string): Promise<BatchRequest> {
  const session = await routeSession();
  const scope = { accountId: session.accountId, projectId: session.projectId };
  const db = await getDb();
  return { session, scope, db, summary: await findBatch(db, id, scope) };
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
