import { getTranslations } from "next-intl/server";
import { historyCsvLines, historyJsonChunks } from "@/lib/audit/export";
import { historyFilterSchema } from "@/lib/audit/filter";
import { streamEvents } from "@/lib/audit/read";
import { textStream } from "@/lib/batches/export";
import { routeSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { errorResponse, NO_STORE } from "@/lib/http";
import { text } from "@/lib/i18n/text";
import { resolveHistoryFilter } from "@/lib/names/history";
import { imagesNamed, namesOfSession } from "@/lib/names/server";
import { notInScope } from "../_lib/request";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The filtered events of the session's account and project as CSV or JSON, streamed page by page
 * by keyset (a million rows never sit in memory). An export link names its account and project:
 * opened by anyone else it answers 404, as an event id of theirs would.
 */
export async function GET(request: Request) {
  try {
    const session = await routeSession();
    const scope = { accountId: session.accountId, projectId: session.projectId };
    const url = new URL(request.url);
    const account = url.searchParams.get("account");
    const project = url.searchParams.get("project");
    if ((account && account !== scope.accountId) || (project && project !== scope.projectId)) throw notInScope();
    const format = url.searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "json") throw new UserError("invalid_input", text("errors.said.exportFormat"));
    const params: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
    const filter = historyFilterSchema.parse(params);
    const exportedAt = new Date().toISOString();
    const header = { filter, ...scope, exportedAt };
    const db = await getDb();
    const names = await namesOfSession(session);
    const resolved = await resolveHistoryFilter(db, scope, filter, names, (name) => imagesNamed(session, name));
    const events = streamEvents(db, scope, resolved);
    const json = format === "json";
    // CSV is for people: its column names are in their language. JSON is the machine format and stays put.
    const t = await getTranslations("history");
    const body = textStream(
      json
        ? historyJsonChunks(header, events)
        : historyCsvLines(
            header,
            events,
            names,
            (column) => t(`csv.${column}`),
            ({ filter, ...rest }) => t("csvPreamble", { filter: filter || t("csvNoFilter"), ...rest }),
          ),
    );
    return new Response(body, {
      headers: {
        ...NO_STORE,
        "Content-Type": json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="history-${exportedAt.slice(0, 10)}.${json ? "json" : "csv"}"`,
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
