import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { canChange, currentSession, redirectToSignIn, requireSession, scopeOf } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import { appError, READ_ONLY, UserError, type AppError } from "@/lib/errors";
import { errorTranslator, textTranslator, zodErrorMap } from "@/lib/localize/translator";
import { forReader } from "@/lib/localize/errors";
import type { Text } from "@/lib/i18n/text";
import { settle, type ActionContext, type Hooks } from "./core";
import { echo, fieldErrorsOf, fromForm } from "./form";

export type { ActionContext } from "./core";

/** What every server action returns (STYLE convention 5). `values` echoes the form after a failure. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: AppError; values?: Record<string, string> };
export type ActionState<T> = ActionResult<T> | null;

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
    const settled = await settle(spec, session, parsed.data, (hooks) => {
      if (spec.audit && session && !spec.allowReadOnly && !canChange(session))
        throw new UserError(
          spec.readOnlyMessage ? "forbidden" : appError("forbidden", READ_ONLY),
          spec.readOnlyMessage,
        );
      return run(parsed.data, session, hooks);
    });
    if (!settled.ok && settled.error.code === "session_expired") return redirectToSignIn("expired");
    const to = settled.ok ? spec.redirect?.(settled.data, parsed.data) : undefined;
    if (to) redirect(to);
    // In the user's language, once, here: the audit trail keeps the English sentence.
    return settled.ok ? settled : { ok: false, error: await inRequestLanguage(settled.error), values: echo(raw) };
  };
}

async function inRequestLanguage(error: AppError): Promise<AppError> {
  return forReader(error, await errorTranslator(), await textTranslator());
}
