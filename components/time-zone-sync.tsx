"use client";

import { useRouter } from "next/navigation";
import { useTimeZone } from "next-intl";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/time-zone";

/**
 * Tells the server the browser's time zone (a cookie read by lib/i18n/request.ts) when the page was
 * formatted in another, and renders the page once more in it. Renders nothing.
 */
export function TimeZoneSync() {
  const router = useRouter();
  const server = useTimeZone();
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browser || browser === server) return;
    const stored = document.cookie.match(new RegExp(`(?:^|; )${TIME_ZONE_COOKIE}=([^;]*)`))?.[1];
    // A zone the server refused (it formats in UTC) is not sent again: one refresh, never a loop.
    if (stored && decodeURIComponent(stored) === browser) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browser)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [router, server]);
  return null;
}
