import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MESSAGES } from "@/messages";

/** Renders a component to HTML with a language's catalogue, as the console's layout provides it. */
export function renderIntl(node: ReactNode, locale: keyof typeof MESSAGES = "en"): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );
}
