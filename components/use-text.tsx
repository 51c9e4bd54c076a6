import { useTranslations } from "next-intl";
import { say, type Text } from "@/lib/i18n/text";

/** Renders lib's sentences (`Text`) in the reader's language. */
export function useText(): (sentence: Text) => string {
  const t = useTranslations();
  return (sentence) => say(t, sentence);
}

/** A sentence of lib in the reader's language, where a component is easier to pass than a string (toasts). */
export function Said({ sentence }: { sentence: Text }) {
  return useText()(sentence);
}
