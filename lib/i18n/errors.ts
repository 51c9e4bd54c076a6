import { ANSWER_LOST, ERRORS, READ_ONLY, REFUSED, upstreamSentence, type AppError } from "@/lib/errors";
import type { Messages } from "@/messages";

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
 * The error with its sentence in the translator's language, when the sentence is the vocabulary's own
 * (a code's, an upstream code's, the wrapper's); any other sentence (a `UserError`'s) stays as it is.
 */
export function localizeError(error: AppError, t: ErrorTranslator): AppError {
  const message = translated(error, t);
  return message === undefined ? error : { ...error, message };
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
