import { createTranslator, NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Say } from "@/components/sharing/wording";
import { say, type Text } from "@/lib/i18n/text";
import { MESSAGES } from "@/messages";

/** Renders a component to HTML with a language's catalogue, as the console's layout provides it. */
export function renderIntl(node: ReactNode, locale: keyof typeof MESSAGES = "en", timeZone = "UTC"): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone={timeZone}>
      {node}
    </NextIntlClientProvider>,
  );
}

/** The share and unshare wording (`components/sharing/wording.ts`) in a language, outside React. */
export function sayIn(locale: keyof typeof MESSAGES = "en"): Say {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "sharing.words" });
  return Object.assign((key: Parameters<Say>[0], values?: Parameters<Say>[1]) => t(key, values), {
    text: textIn(locale),
  });
}

/** Lib's sentences (`Text`) in a language, as `useText()` renders them. */
export function textIn(locale: keyof typeof MESSAGES = "en"): (sentence: Text) => string {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  return (sentence) => say(t, sentence);
}
