import "server-only";
import type { z } from "zod";
import { settle, type ActionContext } from "@/lib/actions/core";
import { scopeOf } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { ApiAccess } from "@/lib/db/types";
import { ERRORS, toAppError, type AppError } from "@/lib/errors";
import { jsonResponse } from "@/lib/http";
import { negotiate, type Locale } from "@/lib/i18n/locales";
import { forReader } from "@/lib/localize/errors";
import { errorTranslator, textTranslator } from "@/lib/localize/translator";
import { recordUse } from "@/lib/tokens/store";
import { keyRefusal, mayWrite, sessionOf, tokenOf } from "./credentials";
import { readInput, type InputSource } from "./input";

/** What a route handler under /api/v1 is: who may call it, what it records, and what it reads. */
export interface ApiSpec<S extends z.ZodType | undefined = undefined> {
  /** `write` routes refuse read tokens and read-only IAM users. */
  access: ApiAccess;
  /** The audit action of a change (`batch_launched`…), `false` for a read. */
  audit: string | false;
  schema?: S;
  /** Where the schema's input comes from: the query or a JSON body (by default the query of a GET, else the body). */
  input?: InputSource;
}

/** The token a request came with, as the route sees it (never its secret). */
export interface ApiTokenRef {
  id: string;
  name: string;
  access: ApiAccess;
  expiresAt: number;
  /** It acts with an access key the user entrusted: batches it launches are sent with that key. */
  entrusted: boolean;
}

/**
 * The token to record on a batch launched with this one: only a token with an entrusted key, whose key
 * the tracker sends with when nobody is signed in; any other token's batches go with the user's sessions.
 */
export function batchTokenOf(token: ApiTokenRef): string | undefined {
  return token.entrusted ? token.id : undefined;
}

/**
 * What a route's `run` gets: a server action's context (the token's user's session, its scope, `note`
 * and `intent`), so that domain functions written for actions run unchanged, and the token.
 */
export interface ApiContext extends ActionContext {
  token: ApiTokenRef;
}

type InputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Next's second argument to a route handler: the dynamic segments' values. */
interface RouteContext<P> {
  params: Promise<P>;
}

/** A route handler: what `apiRoute` returns for a route file to export as `GET` or `POST`. */
export type ApiHandler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;

const inputOf = (spec: ApiSpec<z.ZodType | undefined>, request: Request): InputSource =>
  spec.input ?? (request.method === "GET" ? "query" : "json");

/** The request's language for the API: its `Accept-Language` alone (a script has no cookie to choose one by). */
export const apiLocale = (request: Request): Locale => negotiate(request.headers.get("accept-language"));

/** A failure as the API answers it: `{error: {code, message, fieldErrors?}}` in the reader's language, with its code's status. */
export async function apiError(error: AppError, locale: Locale): Promise<Response> {
  const said = forReader(error, await errorTranslator(locale), await textTranslator(locale));
  return jsonResponse({ error: said }, ERRORS[said.code][0]);
}

/**
 * The one wrapper of every route handler under /api/v1: authenticates the bearer token, finds the
 * session it acts with, refuses changes to read tokens and read-only users, parses the input, runs the
 * route through the same core as server actions (audit event with source `api` and the token's name and
 * id, intents, error mapping), answers `{data}` (or the route's own `Response`, for files) or `{error}`,
 * and records the use on the token whatever the answer.
 */
export function apiRoute<S extends z.ZodType | undefined = undefined, P = Record<string, never>, T = unknown>(
  spec: ApiSpec<S>,
  run: (input: InputOf<S>, ctx: ApiContext, request: Request, params: P) => Promise<T | Response>,
): ApiHandler<P> {
  return async function handler(request, context) {
    const at = Date.now();
    const locale = apiLocale(request);
    const url = new URL(request.url);
    const db = await getDb();
    let tokenId: string | undefined;
    let response: Response;
    try {
      const found = await tokenOf(db, request);
      if ("refused" in found) {
        tokenId = found.tokenId;
        throw found.refused;
      }
      const { token } = found;
      tokenId = token.id;
      const session = await sessionOf(token);
      const { id, name, access, expiresAt } = token;
      const ref: ApiTokenRef = { id, name, access, expiresAt, entrusted: token.entrusted !== undefined };
      const params = await context.params;
      const input = (
        spec.schema
          ? await readInput(spec.schema, inputOf(spec, request), request, locale, await textTranslator(locale))
          : undefined
      ) as InputOf<S>;
      const settled = await settle(
        // Under `api` as `id` and `name`: the trail drops any key that mentions a token (lib/audit/writer.ts redact).
        { audit: spec.audit, source: "api", detail: { api: { id: ref.id, name: ref.name } } },
        session,
        input,
        async (hooks) => {
          if (spec.access === "write") mayWrite(token, session);
          try {
            return await run(input, { session, scope: scopeOf(session), ...hooks, token: ref }, request, params);
          } catch (e) {
            throw keyRefusal(token, e);
          }
        },
      );
      if (!settled.ok) response = await apiError(settled.error, locale);
      else response = settled.data instanceof Response ? settled.data : jsonResponse({ data: settled.data });
    } catch (e) {
      const error = toAppError(e);
      if (error.code === "internal") console.error(`api ${request.method} ${url.pathname} failed:`, e);
      response = await apiError(error, locale);
    }
    if (tokenId) {
      const use = { at, method: request.method, path: url.pathname + url.search, status: response.status };
      await recordUse(db, tokenId, use).catch((e) => console.error("api: could not record a token's use", e));
    }
    return response;
  };
}
