import { authenticate, clientIp, type Ctx, type Emu, type Session } from "../core/context";
import { ApiError } from "../core/errors";
import { recordTrace, type TraceOperation } from "../cts/record";
import { param } from "./access";

/** What a mutating handler learns as it runs, so that a failure is recorded as fully as a success. */
export interface Audit {
  image: { id: string; name: string };
  request: unknown;
}

type Mutation = (c: Ctx, session: Session, audit: Audit) => Promise<void> | void;

/**
 * Wraps a mutating CPH route: it answers `{request_id}` on success and records a CTS trace in the
 * caller's project whether the call succeeds or fails. A call without a valid token has no caller,
 * so the gateway's 401 is not recorded.
 */
export function audited(emu: Emu, operation: TraceOperation, run: Mutation, traceName?: string) {
  return async (c: Ctx) => {
    const session = authenticate(c, emu);
    const requestId = c.get("requestId");
    const audit: Audit = { image: { id: param(c, "image_id"), name: "" }, request: null };
    const record = (status: number, response: unknown) =>
      recordTrace(emu, session, {
        service: "CPH",
        operation,
        name: traceName,
        images: [audit.image],
        apiVersion: "v1",
        status,
        request: audit.request,
        response,
        requestId,
        sourceIp: clientIp(c),
      });
    try {
      await run(c, session, audit);
    } catch (err) {
      if (err instanceof ApiError) record(err.status, err.render({ requestId, glancePath: false }));
      throw err;
    }
    const body = { request_id: requestId };
    record(200, body);
    return c.json(body);
  };
}
