import { z } from "zod";

/** The `user` block of a trace (reference 10.1); only what the console reads is required. */
export const traceUserSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  user_name: z.string().optional(),
  account_id: z.string().optional(),
  domain: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
});

/** One trace of `GET /v3/{project_id}/traces` (reference 10.1, 10.2); unknown fields are ignored. */
export const traceSchema = z.object({
  trace_id: z.string(),
  trace_name: z.string(),
  trace_rating: z.string().optional(),
  trace_type: z.string().optional(),
  service_type: z.string().optional(),
  resource_type: z.string().optional(),
  resource_id: z.string().optional(),
  resource_name: z.string().optional(),
  api_version: z.string().optional(),
  /** The HTTP status of the recorded call, as a string. */
  code: z.string().optional(),
  /** Request and response bodies, JSON serialized as strings. */
  request: z.string().nullish(),
  response: z.string().nullish(),
  message: z.string().nullish(),
  time: z.number(),
  record_time: z.number().optional(),
  request_id: z.string().nullish(),
  source_ip: z.string().nullish(),
  user: traceUserSchema.optional(),
});
export type Trace = z.infer<typeof traceSchema>;

export const traceListSchema = z.object({
  traces: z.array(traceSchema).default([]),
  meta_data: z.object({ count: z.number().int().optional(), marker: z.string().nullish() }).optional(),
});
