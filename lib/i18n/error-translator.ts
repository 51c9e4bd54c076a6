import "server-only";
import { getTranslations } from "next-intl/server";
import type { ErrorTranslator } from "./errors";

/** The "errors" catalogue in this request's language (lib/i18n/request.ts), for `localizeError`. */
export async function errorTranslator(): Promise<ErrorTranslator> {
  return await getTranslations("errors");
}
