import { createTranslator } from "next-intl";
import { MESSAGES } from "@/messages";
import type { Locale } from "./locales";
import type { ErrorTranslator } from "./errors";

/** The "errors" catalogue in a language, as `getTranslations("errors")` gives it in a request. */
export function errorsIn(locale: Locale): ErrorTranslator {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "errors" });
}
