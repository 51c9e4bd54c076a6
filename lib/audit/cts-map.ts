import type { Trace } from "@/lib/cloud/schemas/cts";
import type { AuditPair } from "./writer";

/**
 * CTS trace names of image-member operations (reference 10.2; one OTC table misspells the delete).
 * The same names are used for IMS native and batch calls and for CPH member calls.
 */
const OPERATIONS: Record<string, "add" | "update" | "delete"> = {
  addMember: "add",
  updateMember: "update",
  deleteMember: "delete",
  deleteMemeber: "delete",
};

export type MemberAction = "share" | "unshare" | "accept" | "reject";

/** A trace read as a sharing event: what the history shows for a change made outside the console. */
export interface TraceEvent {
  traceId: string;
  requestId?: string;
  time: number;
  service: "IMS" | "CPH";
  action: MemberAction;
  succeeded: boolean;
  images: string[];
  targets: string[];
  /** Per pair, for synchronous calls only: a batch call's 200 says the job was accepted, not how each pair ended. */
  pairs: AuditPair[];
  jobId?: string;
  error?: { code: string; message: string };
  user: { id: string; name: string; accountName?: string };
  input: {
    trace: { name: string; service: string; apiVersion?: string; code?: string; sourceIp?: string; request: unknown };
  };
}

type Json = Record<string, unknown>;

function parse(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const asObject = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x !== "") : [];
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The upstream code and message of a failed call, from any of the error shapes of reference 1.3. */
function errorOf(response: unknown, code: string | undefined): { code: string; message: string } {
  const r = asObject(response);
  const nested = asObject(r.error);
  return {
    code: str(r.error_code) ?? str(nested.code) ?? str(r.code) ?? `HTTP ${code ?? "?"}`,
    message: str(r.error_msg) ?? str(nested.message) ?? str(r.message) ?? "The call failed.",
  };
}

/**
 * Reads one trace of `projectId`'s CTS as a member operation, or undefined when it is something
 * else (another service or resource, another operation, an accept or reject without a readable status).
 */
export function traceEvent(trace: Trace, projectId: string): TraceEvent | undefined {
  const service = trace.service_type;
  const operation = OPERATIONS[trace.trace_name];
  if ((service !== "IMS" && service !== "CPH") || trace.resource_type !== "image" || !operation) return undefined;
  const request = parse(trace.request);
  const body = asObject(request);
  const batch = Array.isArray(body.images);

  let action: MemberAction;
  let targets: string[];
  if (operation === "update") {
    if (body.status !== "accepted" && body.status !== "rejected") return undefined;
    action = body.status === "accepted" ? "accept" : "reject";
    // The consumer answers for itself: the trace is in its own project.
    targets = [str(body.project_id) ?? projectId];
  } else {
    action = operation === "add" ? "share" : "unshare";
    targets = batch
      ? [...strings(body.projects), ...strings(body.domains), ...strings(body.organizations)]
      : strings([body.member ?? body.member_id]);
  }
  const fromResource = (trace.resource_id ?? "").split(",").filter(Boolean);
  const images = fromResource.length > 0 ? fromResource : strings(body.images);
  const succeeded = /^2\d\d$/.test(trace.code ?? "");
  const response = parse(trace.response);
  const error = succeeded ? undefined : errorOf(response, trace.code);
  const pairs: AuditPair[] =
    batch && succeeded
      ? []
      : images.flatMap((image) =>
          targets.map((target): AuditPair => ({
            image,
            target,
            outcome: succeeded ? "succeeded" : "failed",
            ...(error ? { code: error.code } : {}),
          })),
        );
  const user = trace.user ?? {};
  return {
    traceId: trace.trace_id,
    requestId: trace.request_id ?? undefined,
    time: trace.time,
    service,
    action,
    succeeded,
    images,
    targets,
    pairs,
    jobId: str(asObject(response).job_id),
    error,
    user: { id: user.id ?? "", name: user.name ?? user.user_name ?? "unknown", accountName: user.domain?.name },
    input: {
      trace: {
        name: trace.trace_name,
        service,
        apiVersion: trace.api_version,
        code: trace.code,
        sourceIp: trace.source_ip ?? undefined,
        request,
      },
    },
  };
}
