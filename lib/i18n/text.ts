import type { Messages } from "@/messages";

/** Every path of a catalogue that leads to a message (a string), dotted: `sharing.reasons.alreadyMember`. */
type MessagePaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessagePaths<T[K]>}`;
}[keyof T & string];

/** A key of the console's catalogues, from the root (`messages/index.ts`). */
export type TextKey = MessagePaths<Messages>;

/** The arguments of a message. */
export type TextValues = Record<string, string | number>;

/** A sentence the console says, kept as a catalogue key and its arguments until it is shown in the reader's language. */
export interface Text {
  key: TextKey;
  values?: TextValues;
}

export const text = (key: TextKey, values?: TextValues): Text => (values ? { key, values } : { key });

/** A root translator: next-intl's `useTranslations()` or `getTranslations()` without a namespace. */
export interface RootTranslator {
  (key: TextKey, values?: TextValues): string;
  has(key: TextKey): boolean;
}

/** The sentence in the translator's language. */
export function say(t: RootTranslator, sentence: Text): string {
  return t(sentence.key, sentence.values);
}

/** Whether a value is a Text, as stored JSON may or may not be. */
export function isText(value: unknown): value is Text {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { key?: unknown; values?: unknown };
  return typeof v.key === "string" && (v.values === undefined || (typeof v.values === "object" && v.values !== null));
}

/** A Text from its stored JSON, or undefined when the JSON is absent or not one. */
export function parseText(json: string | null | undefined): Text | undefined {
  if (!json) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return isText(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A stored reason in the translator's language: its Text when it has one whose key the catalogue holds,
 * else the sentence stored beside it (rows written before reasons were kept as keys, in English).
 */
export function sayStored(t: RootTranslator, sentence: Text | null | undefined, stored: string | null | undefined) {
  if (sentence && t.has(sentence.key)) return say(t, sentence);
  return stored ?? undefined;
}
