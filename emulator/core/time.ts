/** Wire time formats of section 1.4 of the reference. */

/** IMS images and members: `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** IMS jobs: ISO UTC with milliseconds. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** IAM `issued_at` / `expires_at`: ISO UTC with microseconds. */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, "000Z");
}
