import type { DisputedConfig } from "../core/config";
import { withNulls } from "../core/nulls";
import type { Trace } from "../store/types";

/** Optional trace fields of the SDK's `Traces` model that the emulator's traces never carry. */
const ABSENT_TRACE_FIELDS = [
  "location_info",
  "endpoint",
  "resource_url",
  "enterprise_project_id",
  "resource_account_id",
  "operation_id",
] as const;
/** The same for the trace's `user` (`UserInfo`). */
const ABSENT_USER_FIELDS = ["access_key_id", "principal_urn", "principal_id", "session_context"] as const;

/**
 * A stored trace as `GET /v3/{project_id}/traces` answers it. Reading A of section 14 D1: `code`,
 * `request` and `response` strings, absent fields omitted. Reading B: `code` a number, `request` and
 * `response` JSON values, an empty `message` and every absent optional field `null`.
 */
export function traceWire(trace: Trace, disputed: DisputedConfig) {
  const { projectId: _projectId, ...rest } = trace;
  if (disputed.ctsTraceTypes === "A") return rest;
  return {
    ...withNulls(rest, ABSENT_TRACE_FIELDS),
    code: Number(rest.code),
    request: parsed(rest.request),
    response: parsed(rest.response),
    message: rest.message === "" ? null : rest.message,
    user: withNulls(rest.user, ABSENT_USER_FIELDS),
  };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
