import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TimeZoneSync } from "@/components/time-zone-sync";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: { default: "Imshare", template: "%s · Imshare" }, description: t("description") };
}

/**
 * The theme comes from a cookie so the first paint is right; "system" follows the OS. The language is
 * the browser's choice or preference (`lib/i18n/request.ts`), and client components get its messages.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = (await cookies()).get("theme")?.value;
  const className = theme === "dark" || theme === "light" ? theme : undefined;
  const locale = await getLocale();
  // Every page's client components get the catalogues but the sign-in page's, which that page provides
  // itself: its demo users' notes must not ride along on every signed-in page.
  const { auth: _signInOnly, ...messages } = await getMessages();
  return (
    <html lang={locale} className={className}>
      <body className="min-h-screen font-sans antialiased">
        <NextIntlClientProvider messages={messages}>
          <TimeZoneSync />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
