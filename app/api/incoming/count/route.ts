import { routeSession, scopeOf } from "@/lib/auth/session";
import { CloudError } from "@/lib/cloud/errors";
import { toAppError, UserError } from "@/lib/errors";
import { errorResponse, jsonResponse } from "@/lib/http";
import type { PendingCount } from "@/lib/inbox/keys";
import { countPendingImages } from "@/lib/inbox/pending";
import { text } from "@/lib/i18n/text";

export const dynamic = "force-dynamic";

/** The pending count beside "Incoming", polled by every open console (per user and project, never cached). */
export async function GET() {
  try {
    const session = await routeSession();
    const body: PendingCount = { pending: await countPendingImages(scopeOf(session)).catch(unreadable) };
    return jsonResponse(body);
  } catch (e) {
    return errorResponse(e);
  }
}

/** A count the cloud would not give is "tried again shortly" (503), unless the session has ended. */
function unreadable(e: unknown): never {
  const { code, upstreamCode, upstreamRequestId } = toAppError(e);
  if ((e instanceof CloudError && e.isUnauthenticated) || code === "session_expired")
    throw new UserError("session_expired");
  const { error } = new UserError("upstream_unavailable", text("errors.said.pendingCountUnreadable"));
  throw new UserError({ ...error, upstreamCode, upstreamRequestId });
}
