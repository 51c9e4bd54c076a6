import { createTranslator } from "next-intl";
import { MESSAGES } from "@/messages";
import type { RootTranslator, Text } from "./text";

const en: RootTranslator = createTranslator({ locale: "en", messages: MESSAGES.en });

/**
 * A sentence in English, for what must stay readable without a reader's language: the `reason` column
 * of batch pairs beside its key (CSV exports, rows read by older versions) and server logs.
 */
export function inEnglish(sentence: Text): string {
  return en(sentence.key, sentence.values);
}
