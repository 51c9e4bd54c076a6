import { notInScope } from "@/lib/api/history";
import { getEvent } from "@/lib/audit/read";
import { getDb } from "@/lib/db";
import { errorResponse, jsonResponse } from "@/lib/http";
import { historyScope } from "../_lib/request";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** One event of the session's account and project as JSON; the same 404 for another's as for none. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const scope = await historyScope();
    const event = await getEvent(await getDb(), (await params).id, scope);
    if (!event) throw notInScope();
    return jsonResponse({ event });
  } catch (e) {
    return errorResponse(e);
  }
}
