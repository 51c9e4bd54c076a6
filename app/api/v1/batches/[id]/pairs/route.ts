import { apiLocale, apiRoute } from "@/lib/api/route";
import { pairsQuerySchema, type BatchPairApiView } from "@/lib/api/schemas";
import { batchPairView } from "@/lib/api/views";
import { findBatch } from "@/lib/batches/find";
import { pairsSince } from "@/lib/batches/store";
import type { PairStatus } from "@/lib/batches/types";
import { getDb } from "@/lib/db";
import { textTranslator } from "@/lib/localize/translator";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A batch's pairs in index order, of the given statuses if any, each with its code and reason. */
export const GET = apiRoute(
  { access: "read", audit: false, schema: pairsQuerySchema },
  async ({ status }, { session }, request, params: { id: string }): Promise<BatchPairApiView[]> => {
    const db = await getDb();
    const summary = await findBatch(db, params.id, session);
    const say = await textTranslator(apiLocale(request));
    const pairs = await pairsSince(db, summary.id, 0, (status ?? []) as PairStatus[]);
    return pairs.map((p) => batchPairView(p, say));
  },
);
