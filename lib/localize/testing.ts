import { createTranslator } from "next-intl";
import { MESSAGES } from "@/messages";
import type { Locale } from "@/lib/i18n/locales";
import { zodErrorMapFor, type ErrorTranslator } from "./errors";
import type { RootTranslator } from "@/lib/i18n/text";

/** The "errors" catalogue in a language, as `getTranslations("errors")` gives it in a request. */
export function errorsIn(locale: Locale): ErrorTranslator {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "errors" });
}

/** Every catalogue from the root in a language, as `getTranslations()` gives it in a request. */
export function textIn(locale: Locale): RootTranslator {
  return createTranslator({ locale, messages: MESSAGES[locale] }) as RootTranslator;
}

/** What `vi.mock("@/lib/localize/translator", …)` gives for a request in `locale()`. */
export function translatorsIn(locale: () => Locale) {
  return {
    errorTranslator: async (given?: Locale) => errorsIn(given ?? locale()),
    textTranslator: async (given?: Locale) => textIn(given ?? locale()),
    zodErrorMap: async () => zodErrorMapFor(locale()),
  };
}
