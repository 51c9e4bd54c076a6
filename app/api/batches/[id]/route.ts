import { pairsSince } from "@/lib/batches/store";
import { errorResponse, jsonResponse } from "@/lib/http";
import { loadBatchRequest, sinceOf } from "../_lib/request";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The batch and the pairs changed after `?since=`, for clients that cannot keep an event stream open. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { db, summary } = await loadBatchRequest((await params).id);
    return jsonResponse({ summary, pairs: await pairsSince(db, summary.id, sinceOf(request)) });
  } catch (e) {
    return errorResponse(e);
  }
}
