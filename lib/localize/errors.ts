import { ANSWER_LOST, ERRORS, READ_ONLY, REFUSED, upstreamSentence, type AppError } from "@/lib/errors";
import { z } from "zod";
import type { Messages } from "@/messages";
import type { Locale } from "@/lib/i18n/locales";
import type { RootTranslator, TextKey } from "@/lib/i18n/text";

type Catalogue = Messages["errors"];

/** The keys of the "errors" catalogue an error's sentence is read from. */
export type ErrorKey =
  | `codes.${keyof Catalogue["codes"]}`
  | `upstream.${keyof Catalogue["upstream"]}`
  | "withReference"
  | "refused"
  | "answerLost"
  | "readOnly";

/** The "errors" catalogue in one language: next-intl's `getTranslations({ namespace: "errors" })`. */
export type ErrorTranslator = (key: ErrorKey, values?: Record<string, string>) => string;

/** The catalogue's key for an upstream code (`IMG.0088` → `upstream.IMG_0088`: a dot would nest). */
export function upstreamKey(code: string): ErrorKey {
  return `upstream.${code.replace(".", "_")}` as ErrorKey;
}

/**
 * The error with its sentences in the translators' language: the vocabulary's own (a code's, an upstream
 * code's, the wrapper's) through `t`; with `say`, a `UserError`'s `text` and field errors that are
 * catalogue keys. Any other sentence stays as it is.
 */
export function localizeError(error: AppError, t: ErrorTranslator, say?: RootTranslator): AppError {
  const message = error.text && say ? say(error.text.key as TextKey, error.text.values) : translated(error, t);
  const fieldErrors = say && error.fieldErrors && localizeFields(error, say);
  if (message === undefined && !fieldErrors) return error;
  return { ...error, ...(message !== undefined && { message }), ...(fieldErrors && { fieldErrors }) };
}

/** The error as its reader gets it: said in their language (`localizeError`), its catalogue key left behind. */
export function forReader(error: AppError, t: ErrorTranslator, say: RootTranslator): AppError {
  const { text: _said, ...rest } = localizeError(error, t, say);
  return rest;
}

/** A catalogue key: dotted words, no spaces (a sentence has spaces, and ends with a full stop). */
const KEY = /^[a-z]\w*(\.\w+)+$/i;

/** Whether a field's sentence is a key of the catalogues (a schema's `fieldKey`) rather than a sentence. */
export const isCatalogueKey = (entry: string, say: RootTranslator): entry is TextKey =>
  KEY.test(entry) && say.has(entry as TextKey);

function localizeFields({ fieldErrors = {}, text }: AppError, say: RootTranslator): Record<string, string[]> {
  const one = (entry: string) => {
    if (text && entry === text.key) return say(text.key as TextKey, text.values);
    return isCatalogueKey(entry, say) ? say(entry) : entry;
  };
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, entries]) => [field, entries.map(one)]));
}

function translated({ code, message, upstreamCode, upstreamRequestId }: AppError, t: ErrorTranslator) {
  if (message === ERRORS[code][1]) return t(`codes.${code}`);
  if (upstreamCode && message === upstreamSentence(upstreamCode)) return t(upstreamKey(upstreamCode));
  if (message === ANSWER_LOST) return t("answerLost");
  if (message === READ_ONLY) return t("readOnly");
  if (code === "invalid_input" && upstreamCode && message.startsWith(REFUSED))
    return t("refused", { message: message.slice(REFUSED.length) });
  if (code === "invalid_response" && message === `${ERRORS.invalid_response[1]} Reference: ${upstreamRequestId}.`)
    return t("withReference", { sentence: t("codes.invalid_response"), reference: upstreamRequestId ?? "" });
  return undefined;
}

/** zod's own sentences in a language: English is zod's default; Chinese is zod's zh-CN locale. */
export function zodErrorMapFor(locale: Locale): z.core.$ZodErrorMap | undefined {
  return locale === "zh-CN" ? z.locales.zhCN().localeError : undefined;
}
