import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { zodErrorMapFor, type ErrorTranslator } from "./errors";
import type { Locale } from "@/lib/i18n/locales";
import type { RootTranslator } from "@/lib/i18n/text";

/** The "errors" catalogue in this request's language (lib/i18n/request.ts), or in `locale`, for `localizeError`. */
export async function errorTranslator(locale?: Locale): Promise<ErrorTranslator> {
  return locale ? await getTranslations({ locale, namespace: "errors" }) : await getTranslations("errors");
}

/** Every catalogue, from the root, in this request's language or in `locale`: says an error's `text`. */
export async function textTranslator(locale?: Locale): Promise<RootTranslator> {
  return (locale ? await getTranslations({ locale }) : await getTranslations()) as RootTranslator;
}

/**
 * zod's own sentences (a field too long, a value of the wrong type) in the request's language, where a
 * schema gives none of its own (those are catalogue keys, said by `localizeError`).
 */
export async function zodErrorMap(): Promise<z.core.$ZodErrorMap | undefined> {
  return zodErrorMapFor(await getLocale());
}
