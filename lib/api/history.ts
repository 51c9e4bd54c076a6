import "server-only";
import { historyCsvLines, historyJsonChunks } from "@/lib/audit/export";
import { cursorParam, cursorSchema, historyFilterSchema } from "@/lib/audit/filter";
import { listEvents, streamEvents, type HistoryEvent, type HistoryScope } from "@/lib/audit/read";
import type { StoredSession } from "@/lib/auth/session-store";
import { textStream } from "@/lib/batches/export";
import { getDb } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { NO_STORE } from "@/lib/http";
import { text, type RootTranslator } from "@/lib/i18n/text";
import { resolveHistoryFilter } from "@/lib/names/history";
import { imagesNamed, namesOfSession } from "@/lib/names/server";

/** The same refusal for another account's or project's event (or export link) as for none. */
export const notInScope = () => new UserError("not_found", text("errors.said.eventNotFound"));

const scopeOf = (s: StoredSession): HistoryScope => ({ accountId: s.accountId, projectId: s.projectId });

/** URL parameters as History's filter schema takes them: each key's values, repeated ones kept. */
function paramsOf(url: URL): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
  return params;
}

/**
 * The URL's History filter with its image and member filters resolved to the ids they stand for (names,
 * parts of ids), and the names the resolution used.
 */
async function resolvedFilter(session: StoredSession, url: URL) {
  const filter = historyFilterSchema.parse(paramsOf(url));
  const names = await namesOfSession(session);
  const resolved = await resolveHistoryFilter(await getDb(), scopeOf(session), filter, names, (name) =>
    imagesNamed(session, name),
  );
  return { filter, resolved, names };
}

/** One page of the session's project's events, newest first: History's filters, `limit` (1 to 500, 50) and `cursor`. */
export async function historyPage(
  session: StoredSession,
  url: URL,
): Promise<{ events: HistoryEvent[]; next?: string }> {
  const { resolved } = await resolvedFilter(session, url);
  const limit = Math.min(Math.max(Math.trunc(Number(url.searchParams.get("limit"))) || 50, 1), 500);
  const cursor = cursorSchema.parse(url.searchParams.get("cursor") ?? undefined);
  const page = await listEvents(await getDb(), scopeOf(session), resolved, { cursor, limit });
  return { events: page.events, ...(page.next && { next: cursorParam(page.next) }) };
}

/**
 * The filtered events of the session's account and project as a CSV or JSON file, streamed page by page
 * by keyset (a million rows never sit in memory). An export link that names an account or project
 * (`account`, `project`) answers 404 to anyone else, as an event id of theirs would. CSV is for people:
 * its column names and first line are in `say`'s language; JSON is the machine format and stays put.
 */
export async function historyExport(session: StoredSession, url: URL, say: RootTranslator): Promise<Response> {
  const scope = scopeOf(session);
  const account = url.searchParams.get("account");
  const project = url.searchParams.get("project");
  if ((account && account !== scope.accountId) || (project && project !== scope.projectId)) throw notInScope();
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") throw new UserError("invalid_input", text("errors.said.exportFormat"));
  const { filter, resolved, names } = await resolvedFilter(session, url);
  const exportedAt = new Date().toISOString();
  const header = { filter, ...scope, exportedAt };
  const events = streamEvents(await getDb(), scope, resolved);
  const json = format === "json";
  const body = textStream(
    json
      ? historyJsonChunks(header, events)
      : historyCsvLines(
          header,
          events,
          names,
          (column) => say(`history.csv.${column}`),
          ({ filter, ...rest }) =>
            say("history.csvPreamble", { filter: filter || say("history.csvNoFilter"), ...rest }),
        ),
  );
  return new Response(body, {
    headers: {
      ...NO_STORE,
      "Content-Type": json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="history-${exportedAt.slice(0, 10)}.${json ? "json" : "csv"}"`,
    },
  });
}
