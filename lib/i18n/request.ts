import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { MESSAGES } from "@/messages";
import { isLocale, LOCALE_COOKIE, negotiate, type Locale } from "./locales";
import { TIME_ZONE_COOKIE, timeZoneOf } from "./time-zone";

/** The language of this request: the one chosen in this browser, else the browser's own preference. */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : negotiate((await headers()).get("accept-language"));
}

/** next-intl's configuration per request (`next.config.js` points its plugin here). */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // The browser's own zone, once components/time-zone-sync.tsx has told it; UTC until then.
  const timeZone = timeZoneOf((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone };
});
