import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { writeAuditEvent, type AuditPair } from "@/lib/audit/writer";
import { redirectToSignIn, requireSession, scopeOf } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import type { Scope } from "@/lib/cloud/ims";
import { getDb } from "@/lib/db";
import type { AuditOutcome } from "@/lib/db/types";
import { appError, toAppError, type AppError } from "@/lib/errors";
import { echo, fieldErrorsOf, fromForm } from "./form";

/** What every server action returns (STYLE convention 5). `values` echoes the form after a failure. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: AppError; values?: Record<string, string> };
export type ActionState<T> = ActionResult<T> | null;

/** What an action tells the audit trail beyond who, where and when. */
export interface ActionContext {
  session: StoredSession;
  scope: Scope;
  /** Records upstream ids, the images and targets involved, per-pair outcomes, or a partial outcome. */
  note(details: { requestId?: string; jobId?: string; images?: string[]; targets?: string[]; pairs?: AuditPair[]; outcome?: AuditOutcome; batches?: string[] }): void;
}

interface ActionSpec<S extends z.ZodType> {
  /** The audit action (`share`, `unshare`, `switched_project`…); `false` for actions that change nothing. */
  audit: string | false;
  schema: S;
}

/**
 * The one wrapper of every server action: loads the session, parses the input with the action's
 * schema, runs it, maps errors to the vocabulary, writes the audit event, and lets Next's redirects
 * through. An upstream 401 sends the user to sign in again.
 */
export function defineAction<S extends z.ZodType, T>(spec: ActionSpec<S>, run: (input: z.output<S>, ctx: ActionContext) => Promise<T>) {
  return async function action(_prev: ActionState<T>, payload: FormData | z.input<S>): Promise<ActionResult<T>> {
    const session = await requireSession();
    const raw = payload instanceof FormData ? fromForm(payload) : payload;
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: { ...appError("invalid_input"), fieldErrors: fieldErrorsOf(parsed.error) }, values: echo(raw) };
    }
    const notes: Parameters<ActionContext["note"]>[0] = {};
    const ctx: ActionContext = { session, scope: scopeOf(session), note: (d) => Object.assign(notes, d) };
    const started = performance.now();
    let result: ActionResult<T>;
    try {
      result = { ok: true, data: await run(parsed.data, ctx) };
    } catch (e) {
      unstable_rethrow(e);
      const error = toAppError(e);
      if (error.code === "internal") console.error(`action ${spec.audit || "read"} failed:`, e);
      result = { ok: false, error, values: echo(raw) };
    }
    if (spec.audit) await audit(spec.audit, session, parsed.data, result, notes, performance.now() - started);
    if (!result.ok && result.error.code === "session_expired") return redirectToSignIn("expired");
    return result;
  };
}

async function audit(
  action: string,
  session: StoredSession,
  input: unknown,
  result: ActionResult<unknown>,
  notes: Parameters<ActionContext["note"]>[0],
  durationMs: number,
): Promise<void> {
  try {
    await writeAuditEvent(await getDb(), {
      actor: session,
      action,
      outcome: result.ok ? (notes.outcome ?? "succeeded") : "failed",
      images: notes.images,
      targets: notes.targets,
      pairs: notes.pairs,
      batches: notes.batches,
      input,
      error: result.ok ? pairFailure(notes.pairs) : { code: result.error.upstreamCode ?? result.error.code, message: result.error.message },
      upstreamRequestId: notes.requestId ?? (result.ok ? undefined : result.error.upstreamRequestId),
      upstreamJobId: notes.jobId,
      durationMs,
    });
  } catch (e) {
    console.error(`audit: could not record ${action} by ${session.userName}:`, e);
  }
}

/** For an action that ran but whose pairs failed: the first failure's code, so the row says why. */
function pairFailure(pairs: AuditPair[] | undefined): { code: string; message: string } | undefined {
  const failed = pairs?.filter((p) => p.outcome === "failed") ?? [];
  if (failed.length === 0) return undefined;
  return { code: failed[0].code ?? "failed", message: `${failed.length} of ${pairs?.length} pairs failed.` };
}
