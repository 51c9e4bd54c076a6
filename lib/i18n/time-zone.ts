/** Remembers the browser's IANA time zone, so that the server formats dates as the browser would. */
export const TIME_ZONE_COOKIE = "tz";

/** The time zone of a request: the browser's (from its cookie) when it is a zone `Intl` knows, else UTC. */
export function timeZoneOf(cookie: string | null | undefined): string {
  if (!cookie || cookie.length > 64) return "UTC";
  try {
    return new Intl.DateTimeFormat("en", { timeZone: cookie }).resolvedOptions().timeZone;
  } catch {
    return "UTC";
  }
}
