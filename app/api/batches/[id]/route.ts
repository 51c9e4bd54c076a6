import { pairsSince } from "@/lib/batches/store";
import { loadBatchRequest, noStore, sinceOf } from "../_lib/request";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The batch and the pairs changed after `?since=`, for clients that cannot keep an event stream open. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const loaded = await loadBatchRequest((await params).id);
  if (loaded instanceof Response) return loaded;
  const pairs = await pairsSince(loaded.db, loaded.summary.id, sinceOf(request));
  return Response.json({ summary: loaded.summary, pairs }, { headers: noStore });
}
