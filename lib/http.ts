import { ERRORS, toAppError } from "@/lib/errors";
import { errorTranslator, textTranslator } from "@/lib/localize/translator";
import { forReader } from "@/lib/localize/errors";

/** Route answers are per user and project: no cache keeps them. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** A route handler's JSON answer, never cached. */
export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/**
 * Any failure as a route handler's answer: `{ error }` in the vocabulary with the code's HTTP status
 * (a `UserError` as it is, a `CloudError` explained, anything else `internal` and logged), never cached;
 * its sentences in the request's language.
 */
export async function errorResponse(e: unknown): Promise<Response> {
  const error = toAppError(e);
  if (error.code === "internal") console.error("route failed:", e);
  return jsonResponse(
    { error: forReader(error, await errorTranslator(), await textTranslator()) },
    ERRORS[error.code][0],
  );
}
