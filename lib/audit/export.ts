import { csvRow } from "@/lib/csv";
import { filterParams, type HistoryFilter } from "./filter";
import { pairCounts, type HistoryEvent } from "./read";

export const HISTORY_CSV_COLUMNS = [
  "occurred_at",
  "id",
  "seq",
  "account",
  "user",
  "project",
  "action",
  "source",
  "outcome",
  "pairs_succeeded",
  "pairs_failed",
  "pairs_skipped",
  "images",
  "targets",
  "target_names",
  "error_code",
  "error_message",
  "upstream_request_id",
  "upstream_job_id",
  "external_id",
  "hash",
] as const;

/** What an export records about itself: the filter as URL parameters, the scope, and when. */
export type HistoryCsvColumn = (typeof HISTORY_CSV_COLUMNS)[number];

export interface ExportHeader {
  filter: HistoryFilter;
  accountId: string;
  projectId: string;
  exportedAt: string;
}

function eventCsvRow(e: HistoryEvent, names: Record<string, string>): string {
  const c = pairCounts(e.pairs);
  return csvRow([
    new Date(e.occurredAt).toISOString(),
    e.id,
    e.seq,
    e.accountName,
    e.userName,
    e.projectName,
    e.action,
    e.source,
    e.outcome,
    c.succeeded,
    c.failed,
    c.skipped,
    e.images.join(" "),
    e.targets.join(" "),
    e.targets.map((t) => names[t] ?? "").join("; "),
    e.errorCode,
    e.errorMessage,
    e.requestId,
    e.jobId,
    e.externalId,
    e.hash,
  ]);
}

/** What the first line of a history CSV records: the filter as a query string ("" for none), the project, the time. */
export interface CsvPreamble {
  filter: string;
  project: string;
  exportedAt: string;
}

/** The first line in English (`history.csvPreamble` says it in the reader's language). */
const englishPreamble = ({ filter, project, exportedAt }: CsvPreamble) =>
  `# filter: ${filter || "(none)"}; project: ${project}; exported_at: ${exportedAt}`;

/**
 * The events as CSV: a first line recording the filter (one cell, so a spreadsheet shows it whole;
 * the shared encoder keeps it and every cell formula-safe), the header, then one event at a time.
 * `target_names` holds each target's name (address book, own projects), `; `-separated, in order.
 * `label` names the columns and `preamble` says the first line for the reader (`history.csv`, `history.csvPreamble`);
 * the values stay ids, codes and ISO times.
 */
export async function* historyCsvLines(
  header: ExportHeader,
  events: AsyncIterable<HistoryEvent>,
  names: Record<string, string> = {},
  label: (column: HistoryCsvColumn) => string = (column) => column,
  preamble: (line: CsvPreamble) => string = englishPreamble,
): AsyncGenerator<string> {
  const filter = filterParams(header.filter).toString();
  yield csvRow([preamble({ filter, project: header.projectId, exportedAt: header.exportedAt })]);
  yield csvRow(HISTORY_CSV_COLUMNS.map(label));
  for await (const e of events) yield eventCsvRow(e, names);
}

/** `{"filter":…, "exportedAt":…, "events":[…]}` in pieces, one event at a time. */
export async function* historyJsonChunks(
  header: ExportHeader,
  events: AsyncIterable<HistoryEvent>,
): AsyncGenerator<string> {
  const filter = Object.fromEntries(
    [...new Set(filterParams(header.filter).keys())].map((k) => [
      k,
      k === "action" ? header.filter.action : header.filter[k as keyof HistoryFilter],
    ]),
  );
  yield `{"filter":${JSON.stringify(filter)},"accountId":${JSON.stringify(header.accountId)},"projectId":${JSON.stringify(header.projectId)},"exportedAt":${JSON.stringify(header.exportedAt)},"events":[`;
  let first = true;
  for await (const e of events) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify({ ...e, occurredAt: new Date(e.occurredAt).toISOString() })}`;
    first = false;
  }
  yield "\n]}\n";
}
