/** Header set by proxy.ts with the path and query of the page being rendered. */
export const PATH_HEADER = "x-imshare-path";

/** Only same-site paths may be returned to after sign-in. */
export function safeCallback(value: unknown, fallback = "/"): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : fallback;
}
