import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AUDIT_SENTENCES, writeAuditEvent, type AuditPair } from "@/lib/audit/writer";
import { canChange, currentSession, redirectToSignIn, requireSession, scopeOf } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import { CloudError } from "@/lib/cloud/errors";
import type { Scope } from "@/lib/cloud/ims";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { INSTANCE_ID } from "@/lib/instance";
import type { AuditOutcome } from "@/lib/db/types";
import { ANSWER_LOST, appError, READ_ONLY, toAppError, UserError, type AppError } from "@/lib/errors";
import { errorTranslator, textTranslator, zodErrorMap } from "@/lib/localize/translator";
import { forReader, localizeError } from "@/lib/localize/errors";
import type { Text } from "@/lib/i18n/text";
import { echo, fieldErrorsOf, fromForm } from "./form";
import { clearIntent, noteIntentJobs, recordIntent, releaseIntent, renewIntent, type IntentPlan } from "./intents";

/** What every server action returns (STYLE convention 5). `values` echoes the form after a failure. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: AppError; values?: Record<string, string> };
export type ActionState<T> = ActionResult<T> | null;

type Db = Awaited<ReturnType<typeof getDb>>;
type Notes = Parameters<ActionContext["note"]>[0];

/** What an action tells the audit trail beyond who, where and when. */
export interface ActionContext {
  session: StoredSession;
  scope: Scope;
  /** Records upstream ids, the images and targets involved, per-pair outcomes, or a partial outcome. */
  note(details: {
    requestId?: string;
    jobId?: string;
    batchId?: string;
    images?: string[];
    targets?: string[];
    pairs?: AuditPair[];
    outcome?: AuditOutcome;
    /** More the event keeps beside the input (a setting's value before the change), as JSON. */
    detail?: Record<string, unknown>;
  }): void;
  /**
   * Records what the change is about to do, before its first cloud call (lib/actions/intents): if the
   * console dies before the audit event is written, the outcome is read from the members and recorded.
   */
  intent(plan: IntentPlan): Promise<void>;
}

interface ActionSpec<S extends z.ZodType, T> {
  /** The audit action (`share`, `unshare`, `switched_project`…); `false` for actions that change nothing. */
  audit: string | false;
  schema: S;
  /**
   * Read-only users (IAM role `readonly`) are refused every audited action with `forbidden` (reads,
   * `audit: false`, never are), unless it changes neither the cloud nor what the console keeps for
   * others (sign-out, switching project).
   */
  allowReadOnly?: boolean;
  /** The sentence of that refusal, where the action can say more than the general one. */
  readOnlyMessage?: Text;
  /**
   * Where to go after a success (once the audit event is written); `undefined` stays on the page.
   * The result's type comes from `run`: annotate `data` where it is read.
   */
  redirect?: (data: T, input: z.output<S>) => string | undefined;
}

/** Sign-in has no session yet (`false`); sign-out records the one it ends, even expired (`"optional"`). */
interface OpenActionSpec<S extends z.ZodType, T> extends ActionSpec<S, T> {
  session: "optional" | false;
}

export type Action<S extends z.ZodType, T> = (
  prev: ActionState<T>,
  payload: FormData | z.input<S>,
) => Promise<ActionResult<T>>;

type Hooks = Pick<ActionContext, "note" | "intent">;

/**
 * The one wrapper of every server action: loads the session, parses the input with the action's
 * schema, refuses read-only users, runs it, maps errors to the vocabulary, writes the audit event,
 * redirects on success, and lets Next's redirects through. An upstream 401 sends the user to sign in again.
 */
export function defineAction<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
): Action<S, T> {
  return wrap(spec, requireSession, (input, session, hooks) =>
    run(input, { session, scope: scopeOf(session), ...hooks }),
  );
}

/** The same wrapper for the actions that run without a live session: signing in and out. */
export function defineOpenAction<S extends z.ZodType, T>(
  spec: OpenActionSpec<S, T>,
  run: (input: z.output<S>) => Promise<T>,
): Action<S, T> {
  return wrap(spec, spec.session ? currentSession : async () => undefined, (input) => run(input));
}

function wrap<S extends z.ZodType, T, Session extends StoredSession | undefined>(
  spec: ActionSpec<S, T>,
  load: () => Promise<Session>,
  run: (input: z.output<S>, session: Session, hooks: Hooks) => Promise<T>,
): Action<S, T> {
  return async function action(_prev, payload) {
    const session = await load();
    const raw = payload instanceof FormData ? fromForm(payload) : payload;
    const parsed = spec.schema.safeParse(raw, { error: await zodErrorMap() });
    if (!parsed.success) {
      const error = { ...appError("invalid_input"), fieldErrors: fieldErrorsOf(parsed.error, await textTranslator()) };
      return { ok: false, error: await inRequestLanguage(error), values: echo(raw) };
    }
    const notes: Notes = {};
    let intent: { id: string; db: Db; timer: ReturnType<typeof setInterval> } | undefined;
    const hooks: Hooks = {
      note: (d) => {
        Object.assign(notes, d);
        if (d.jobId && intent) void noteIntentJobs(intent.db, intent.id, d.jobId).catch(() => {});
      },
      async intent(plan) {
        if (!spec.audit || !session || intent || plan.pairs.length === 0) return;
        const db = await getDb();
        const id = await recordIntent(
          db,
          { action: spec.audit, actor: session, input: parsed.data, plan },
          INSTANCE_ID,
          env.BATCH_LEASE_MS,
        );
        // Renewed while this process works on it; a dead process lets it lapse.
        const timer = setInterval(
          () => void renewIntent(db, id, INSTANCE_ID, env.BATCH_LEASE_MS).catch(() => {}),
          env.BATCH_LEASE_MS / 3,
        );
        timer.unref?.();
        intent = { id, db, timer };
      },
    };
    const started = performance.now();
    let result: ActionResult<T>;
    let lost = false;
    try {
      if (spec.audit && session && !spec.allowReadOnly && !canChange(session))
        throw new UserError(
          spec.readOnlyMessage ? "forbidden" : appError("forbidden", READ_ONLY),
          spec.readOnlyMessage,
        );
      result = { ok: true, data: await run(parsed.data, session, hooks) };
    } catch (e) {
      unstable_rethrow(e);
      // The audit trail keeps English: a sentence given as a catalogue key is said in English here (its
      // `text` and field errors stay keys, for the reader's language below).
      const mapped = toAppError(e);
      const error = {
        ...mapped,
        message: localizeError(mapped, await errorTranslator("en"), await textTranslator("en")).message,
      };
      if (error.code === "internal") console.error(`action ${spec.audit || "read"} failed:`, e);
      // No answer (a timeout, a gateway that gave up) after the change began: it may have been applied.
      lost = Boolean(intent) && e instanceof CloudError && e.mayHaveApplied;
      result = lost
        ? {
            ok: false,
            error: { ...appError("timeout", ANSWER_LOST), upstreamCode: error.upstreamCode },
            values: echo(raw),
          }
        : { ok: false, error, values: echo(raw) };
    }
    if (intent) clearInterval(intent.timer);
    if (intent && lost) {
      // The reconciler reads the members once the cloud had time to finish, and writes the event.
      await releaseIntent(intent.db, intent.id).catch((e) => console.error("intent: could not release", e));
    } else {
      const recorded =
        spec.audit && session
          ? await audit(spec.audit, session, parsed.data, result, notes, performance.now() - started)
          : false;
      // Unrecorded (the database failed us): the intent lapses and the reconciler writes the event.
      if (intent && recorded)
        await clearIntent(intent.db, intent.id).catch((e) => console.error("intent: could not clear", e));
    }
    if (!result.ok && result.error.code === "session_expired") return redirectToSignIn("expired");
    const to = result.ok ? spec.redirect?.(result.data, parsed.data) : undefined;
    if (to) redirect(to);
    // In the user's language, once, here: the audit trail above keeps the English sentence.
    return result.ok ? result : { ...result, error: await inRequestLanguage(result.error) };
  };
}

async function inRequestLanguage(error: AppError): Promise<AppError> {
  return forReader(error, await errorTranslator(), await textTranslator());
}

async function audit(
  action: string,
  session: StoredSession,
  input: unknown,
  result: ActionResult<unknown>,
  notes: Notes,
  durationMs: number,
): Promise<boolean> {
  try {
    await writeAuditEvent(await getDb(), {
      actor: session,
      action,
      outcome: result.ok ? (notes.outcome ?? "succeeded") : "failed",
      images: notes.images,
      targets: notes.targets,
      pairs: notes.pairs,
      input: notes.detail ? { input, ...notes.detail } : input,
      error: result.ok
        ? pairFailure(notes.pairs)
        : { code: result.error.upstreamCode ?? result.error.code, message: result.error.message },
      upstreamRequestId: notes.requestId ?? (result.ok ? undefined : result.error.upstreamRequestId),
      upstreamJobId: notes.jobId,
      batchId: notes.batchId,
      durationMs,
    });
    return true;
  } catch (e) {
    console.error(`audit: could not record ${action} by ${session.userName}:`, e);
    return false;
  }
}

/** For an action that ran but whose pairs failed: the first failure's code, so the row says why. */
function pairFailure(pairs: AuditPair[] | undefined): { code: string; message: string } | undefined {
  const failed = pairs?.filter((p) => p.outcome === "failed") ?? [];
  if (failed.length === 0) return undefined;
  return { code: failed[0].code ?? "failed", message: AUDIT_SENTENCES.pairsFailed(failed.length, pairs?.length ?? 0) };
}
