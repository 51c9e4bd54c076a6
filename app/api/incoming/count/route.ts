import { currentSession, scopeOf } from "@/lib/auth/session";
import { CloudError } from "@/lib/cloud/errors";
import { appError, toAppError, type AppError } from "@/lib/errors";
import type { PendingCount } from "@/lib/inbox/keys";
import { countPendingImages } from "@/lib/inbox/pending";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
const fail = (status: number, error: AppError) => Response.json({ error }, { status, headers: noStore });

/** The pending count beside "Incoming", polled by every open console (per user and project, never cached). */
export async function GET() {
  const session = await currentSession();
  if (!session || session.tokenExpiresAt <= Date.now()) return fail(401, appError("session_expired"));
  try {
    const body: PendingCount = { pending: await countPendingImages(scopeOf(session)) };
    return Response.json(body, { headers: noStore });
  } catch (e) {
    const error = toAppError(e);
    if ((e instanceof CloudError && e.isUnauthenticated) || error.code === "session_expired")
      return fail(401, appError("session_expired"));
    const { upstreamCode, upstreamRequestId } = error;
    return fail(503, {
      ...appError(
        "upstream_unavailable",
        "The number of pending shares could not be read from Huawei Cloud. It will be tried again shortly.",
      ),
      upstreamCode,
      upstreamRequestId,
    });
  }
}
