import { z } from "zod";
import { list, num, opt, optCode, optJsonText, optNum, optString } from "./tolerant";

/** The `user` block of a trace (reference 10.1); only what the console reads is required. */
export const traceUserSchema = z.object({
  id: optString(),
  name: optString(),
  user_name: optString(),
  account_id: optString(),
  domain: opt(z.object({ id: optString(), name: optString() })),
});

/**
 * One trace of `GET /v3/{project_id}/traces` (reference 10.1, 10.2); unknown fields are ignored. Both
 * readings of D1 are accepted: `code` a string or a number, `request`/`response` serialized or objects,
 * absent fields omitted or `null`.
 */
export const traceSchema = z.object({
  trace_id: z.string(),
  trace_name: z.string(),
  trace_rating: optString(),
  trace_type: optString(),
  service_type: optString(),
  resource_type: optString(),
  resource_id: optString(),
  resource_name: optString(),
  api_version: optString(),
  /** The HTTP status of the recorded call, always as a string (`"200"`). */
  code: optCode(),
  /** Request and response bodies, always as their JSON text. */
  request: optJsonText(),
  response: optJsonText(),
  message: optJsonText(),
  time: num(),
  record_time: optNum(),
  request_id: optString(),
  source_ip: optString(),
  user: opt(traceUserSchema),
});
export type Trace = z.infer<typeof traceSchema>;

/** `meta_data.marker` is `null` (documented) or absent on the last page. */
export const traceListSchema = z.object({
  traces: list(traceSchema),
  meta_data: opt(z.object({ count: optNum(), marker: optString() })),
});
