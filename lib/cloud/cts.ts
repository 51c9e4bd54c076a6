import "server-only";
import type { Scope } from "./ims";
import { cloudRequest } from "./request";
import { traceListSchema, type Trace } from "./schemas/cts";

/** How far back the traces API reaches (reference 10.1): older events are gone unless dumped to OBS. */
export const CTS_RETENTION_MS = 7 * 24 * 3600_000;
/** The largest page CTS serves. */
export const CTS_MAX_LIMIT = 200;

export interface ListTracesQuery {
  trace_type: "system" | "data";
  /** Exclusive bounds, epoch milliseconds. */
  from?: number;
  to?: number;
  limit?: number;
  next?: string;
  service_type?: string;
  resource_type?: string;
  resource_id?: string;
  resource_name?: string;
  trace_name?: string;
  trace_rating?: "normal" | "warning" | "incident";
  trace_id?: string;
  user?: string;
}

/** `GET /v3/{project_id}/traces`: one page, newest first, and the marker of the next (older) page. */
export async function listTraces(scope: Scope, query: ListTracesQuery): Promise<{ traces: Trace[]; marker?: string }> {
  const res = await cloudRequest({
    service: "cts",
    region: scope.region,
    token: scope.token,
    method: "GET",
    path: `/v3/${scope.projectId}/traces`,
    query: { ...query },
    output: traceListSchema,
  });
  return { traces: res.data.traces, marker: res.data.meta_data?.marker ?? undefined };
}

/** Every trace matching `query`, following markers, at most `cap` traces (newest first). */
export async function listAllTraces(
  scope: Scope,
  query: Omit<ListTracesQuery, "next" | "limit">,
  cap = 10_000,
): Promise<{ traces: Trace[]; truncated: boolean }> {
  const traces: Trace[] = [];
  let next: string | undefined;
  do {
    const page = await listTraces(scope, { ...query, limit: CTS_MAX_LIMIT, next });
    traces.push(...page.traces);
    next = page.marker;
  } while (next && traces.length < cap);
  return { traces: traces.slice(0, cap), truncated: next !== undefined };
}
