import "server-only";
import { createTranslator } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { MESSAGES } from "@/messages";
import { zodErrorMapFor, type ErrorTranslator } from "./errors";
import type { Locale } from "@/lib/i18n/locales";
import type { RootTranslator } from "@/lib/i18n/text";

/**
 * The "errors" catalogue in this request's language (lib/i18n/request.ts), or in `locale`, for
 * `localizeError`. A given language is read from the catalogue itself: the request's configuration
 * answers with the request's own language whatever it is asked for.
 */
export async function errorTranslator(locale?: Locale): Promise<ErrorTranslator> {
  return locale
    ? createTranslator({ locale, messages: MESSAGES[locale], namespace: "errors" })
    : await getTranslations("errors");
}

/** Every catalogue, from the root, in this request's language or in `locale`: says an error's `text`. */
export async function textTranslator(locale?: Locale): Promise<RootTranslator> {
  return (
    locale ? createTranslator({ locale, messages: MESSAGES[locale] }) : await getTranslations()
  ) as RootTranslator;
}

/**
 * zod's own sentences (a field too long, a value of the wrong type) in the request's language, where a
 * schema gives none of its own (those are catalogue keys, said by `localizeError`).
 */
export async function zodErrorMap(): Promise<z.core.$ZodErrorMap | undefined> {
  return zodErrorMapFor(await getLocale());
}
