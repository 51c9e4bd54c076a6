import { apiLocale, apiRoute } from "@/lib/api/route";
import { batchView } from "@/lib/api/views";
import { findBatch } from "@/lib/batches/find";
import { getDb } from "@/lib/db";
import { textTranslator } from "@/lib/localize/translator";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** One batch of the token's project with its status and counts; another project's batch is not found. */
export const GET = apiRoute(
  { access: "read", audit: false },
  async (_input, { session }, request, params: { id: string }) => {
    const summary = await findBatch(await getDb(), params.id, session);
    return batchView(summary, await textTranslator(apiLocale(request)));
  },
);
