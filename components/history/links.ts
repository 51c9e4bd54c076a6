import { cursorParam, filterParams, type Cursor, type HistoryFilter } from "@/lib/audit/filter";

/** A History URL: the filter, then an optional cursor and open event, defaults dropped. */
export function historyHref(filter: HistoryFilter, extra: { before?: Cursor; event?: string } = {}): string {
  const p = filterParams(filter);
  if (extra.before) p.set("before", cursorParam(extra.before));
  if (extra.event) p.set("event", extra.event);
  const s = p.toString();
  return s ? `/history?${s}` : "/history";
}
