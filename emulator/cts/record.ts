import { uuid } from "../core/ids";
import type { Emu, Session } from "../core/context";
import type { Trace } from "../store/types";

export type TraceOperation = "add" | "update" | "delete";

export interface TraceInput {
  service: "IMS" | "CPH";
  operation: TraceOperation;
  /** Overrides the configured member-operation name (CPH image deletion is not a member operation). */
  name?: string;
  /** Images the call touched; a batch call becomes one trace per image unless configured per call. */
  images: { id: string; name: string }[];
  apiVersion: string;
  status: number;
  request: unknown;
  response: unknown;
  requestId: string;
  sourceIp: string;
}

/** Records a mutating call, successful or not, in the caller's project (reference section 11.8). */
export function recordTrace(emu: Emu, session: Session, input: TraceInput): void {
  const cts = emu.config.cts;
  const name = input.name ?? { add: cts.addName, update: cts.updateName, delete: cts.deleteName }[input.operation];
  const now = emu.clock.now();
  const targets =
    input.images.length === 0
      ? [{ id: "", name: "" }]
      : cts.batchTraces === "per-call" && input.images.length > 1
        ? [{ id: input.images.map((i) => i.id).join(","), name: input.images.map((i) => i.name).join(",") }]
        : input.images;
  const traces = emu.world.tracesOf(session.project.id);
  for (const target of targets) {
    const trace: Trace = {
      projectId: session.project.id,
      trace_id: uuid(),
      trace_name: name,
      trace_rating: input.status >= 500 ? "incident" : input.status >= 400 ? "warning" : "normal",
      trace_type: "ApiCall",
      service_type: input.service,
      resource_type: "image",
      resource_id: target.id,
      resource_name: target.name,
      api_version: input.apiVersion,
      code: String(input.status),
      request: JSON.stringify(input.request ?? null),
      response: JSON.stringify(input.response ?? null),
      message: input.status >= 400 ? "request failed" : "",
      time: now,
      record_time: now,
      source_ip: input.sourceIp,
      request_id: input.requestId,
      read_only: false,
      user: {
        id: session.user.id,
        name: session.user.name,
        user_name: session.user.name,
        account_id: session.account.id,
        domain: { id: session.account.id, name: session.account.name },
        principal_is_root_user: "false",
        type: "User",
        invoked_by: [],
      },
    };
    traces.push(trace);
  }
  emu.changed();
}
