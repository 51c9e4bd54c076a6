import { canChange, routeSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse, jsonResponse } from "@/lib/http";
import { countWaiting } from "@/lib/policy/approvals";

export const dynamic = "force-dynamic";

/** Requests for approval that wait for this admin (none for a read-only user), polled beside "Approvals". */
export async function GET() {
  try {
    const session = await routeSession();
    const waiting = canChange(session) ? await countWaiting(await getDb(), session.accountId, session.userId) : 0;
    return jsonResponse({ waiting });
  } catch (e) {
    return errorResponse(e);
  }
}
