import { inEnglish } from "@/lib/i18n/english";
import { parseText, type Text } from "@/lib/i18n/text";
import type { BatchPairsTable, BatchesTable } from "@/lib/db/types";

/** A pair's reason as its two columns: the English sentence and the Text it was made from. */
export function reasonColumns(sentence: Text | null): Pick<BatchPairsTable, "reason" | "reason_text"> {
  return sentence
    ? { reason: inEnglish(sentence), reason_text: JSON.stringify(sentence) }
    : { reason: null, reason_text: null };
}

/** A batch's status message as its two columns, the same way. */
export function statusColumns(sentence: Text | null): Pick<BatchesTable, "status_message" | "status_text"> {
  const { reason, reason_text } = reasonColumns(sentence);
  return { status_message: reason, status_text: reason_text };
}

/** The Text a row stored, or null for rows written before reasons were kept as keys. */
export const storedReason = (json: string | null): Text | null => parseText(json) ?? null;
