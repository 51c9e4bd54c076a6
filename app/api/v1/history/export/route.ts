import { historyExport } from "@/lib/api/history";
import { apiLocale, apiRoute } from "@/lib/api/route";
import { textTranslator } from "@/lib/localize/translator";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The whole filtered history as a CSV or JSON file (`?format=csv|json`), streamed. */
export const GET = apiRoute({ access: "read", audit: false }, async (_input, { session }, request) =>
  historyExport(session, new URL(request.url), await textTranslator(apiLocale(request))),
);
