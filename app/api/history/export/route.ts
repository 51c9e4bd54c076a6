import { historyExport } from "@/lib/api/history";
import { routeSession } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http";
import { textTranslator } from "@/lib/localize/translator";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** History's CSV or JSON export of the session's account and project (lib/api/history.ts), in the reader's language. */
export async function GET(request: Request) {
  try {
    return await historyExport(await routeSession(), new URL(request.url), await textTranslator());
  } catch (e) {
    return errorResponse(e);
  }
}
