import { intParam, type Ctx } from "../core/context";
import { serviceError } from "../core/errors";
import type { Trace } from "../store/types";

const HOUR = 3600 * 1000;
const MAX_MS = Number.MAX_SAFE_INTEGER;
const RATINGS = ["normal", "warning", "incident"];
const FILTERS = [
  "service_type",
  "resource_type",
  "resource_id",
  "resource_name",
  "trace_name",
  "trace_rating",
] as const;

export interface TraceQuery {
  traceType: "system" | "data";
  limit: number;
  /** Exclusive bounds. */
  from: number;
  to: number;
  next?: string;
  traceId?: string;
  user?: string;
  fields: Partial<Record<(typeof FILTERS)[number], string>>;
}

/** CTS has no code for a bad query parameter; CTS.0003 ("request invalid") is the closest. */
export function invalidParameter(name: string, detail: string) {
  return serviceError("CTS.0003", `Invalid parameter: ${name} ${detail}.`);
}

export function parseTraceQuery(c: Ctx, now: number): TraceQuery {
  const traceType = c.req.query("trace_type");
  if (traceType !== "system" && traceType !== "data")
    throw invalidParameter("trace_type", "is required and must be system or data");
  const limit = intParam(c, "limit", 1, 200);
  if (limit === null) throw invalidParameter("limit", "must be an integer from 1 to 200");
  const from = intParam(c, "from", 0, MAX_MS);
  const to = intParam(c, "to", 0, MAX_MS);
  if (from === null) throw invalidParameter("from", "must be a UTC timestamp in milliseconds");
  if (to === null) throw invalidParameter("to", "must be a UTC timestamp in milliseconds");
  const rating = c.req.query("trace_rating");
  if (rating && !RATINGS.includes(rating))
    throw invalidParameter("trace_rating", "must be normal, warning or incident");
  const fields: TraceQuery["fields"] = {};
  for (const name of FILTERS) {
    const value = c.req.query(name);
    if (value) fields[name] = value;
  }
  return {
    traceType,
    limit: limit ?? 10,
    // A trace recorded in the very millisecond of the query still counts as "up to now".
    to: to ?? now + 1,
    from: from ?? now - HOUR,
    next: c.req.query("next") || undefined,
    traceId: c.req.query("trace_id") || undefined,
    user: c.req.query("user") || undefined,
    fields,
  };
}

export function matchesFilters(t: Trace, q: TraceQuery): boolean {
  if (t.time <= q.from || t.time >= q.to) return false;
  if (q.user !== undefined && t.user.name !== q.user) return false;
  for (const [name, value] of Object.entries(q.fields)) {
    if (t[name as keyof typeof q.fields] !== value) return false;
  }
  return true;
}
