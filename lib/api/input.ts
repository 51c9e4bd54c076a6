import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/actions/form";
import { appError, UserError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { text, type RootTranslator } from "@/lib/i18n/text";
import { zodErrorMapFor } from "@/lib/localize/errors";

/** The largest JSON body the API reads. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Where a route's input comes from. */
export type InputSource = "query" | "json";

/** The query as plain values; a repeated parameter becomes a list. */
function queryOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** The body read up to the limit: a body that claims or turns out to be larger is refused before it is all read. */
async function bodyText(request: Request): Promise<string> {
  const tooLarge = () => new UserError("invalid_input", text("tokens.errors.bodyTooLarge"));
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function rawInput(source: InputSource, request: Request): Promise<unknown> {
  if (source === "query") return queryOf(new URL(request.url));
  const body = await bodyText(request);
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new UserError("invalid_input", text("tokens.errors.badJson"));
  }
}

/**
 * A route's input, parsed with its schema: from the query or a JSON body of at most 2 MB. A refusal is
 * `invalid_input` with the field errors in the request's language (`say`).
 */
export async function readInput<S extends z.ZodType>(
  schema: S,
  source: InputSource,
  request: Request,
  locale: Locale,
  say: RootTranslator,
): Promise<z.output<S>> {
  const parsed = schema.safeParse(await rawInput(source, request), { error: zodErrorMapFor(locale) });
  if (!parsed.success)
    throw new UserError({ ...appError("invalid_input"), fieldErrors: fieldErrorsOf(parsed.error, say) });
  return parsed.data;
}
