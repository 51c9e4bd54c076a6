import { writeFileSync } from "node:fs";

export const REDACTED = "[redacted]";

/** Keys whose values are secrets wherever they appear (request and response bodies, CTS traces, headers). */
const SECRET_KEY =
  /^(?:password|passwd|new_?password|original_?password|secret|secret_?key|sk|ak|access_?key(?:_?id)?|security_?token|securitytoken|x-auth-token|x-subject-token|x-security-token|authorization|signature)$/i;
/** Keystone token strings (`MII…`) and long opaque tokens, in case one turns up somewhere unexpected. */
const TOKEN_LIKE = /^(?:MII[A-Za-z0-9+/=_-]{60,}|[A-Za-z0-9+/=_-]{200,})$/;
/** A `"password":"…"` pair inside a JSON text (CTS keeps request bodies as strings). */
const EMBEDDED_SECRET =
  /("(?:password|passwd|secret|secret_?key|sk|access_?key|security_?token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

export interface TranscriptEntry {
  at: string;
  /** Which sign-in the call was made with: the user, the recipient, or none (a sign-in). */
  as: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody?: unknown;
  ms: number;
  error?: string;
}

/**
 * Every request and response of a run, redacted as it is recorded: known secrets (passwords, every
 * token seen) wherever they occur, the values of secret keys, and a token's `id` in an auth body.
 */
export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  private secrets = new Set<string>();

  /** A value that must never appear in the transcript (a password, a token). */
  secret(value: string | undefined | null): void {
    if (value && value.length >= 4) this.secrets.add(value);
  }

  add(entry: TranscriptEntry): void {
    this.entries.push(this.redact(entry) as TranscriptEntry);
  }

  redact(value: unknown, key = "", parent = ""): unknown {
    if (typeof value === "string") {
      if (SECRET_KEY.test(key) || (key === "id" && parent === "token") || TOKEN_LIKE.test(value)) return REDACTED;
      let out = value.replace(EMBEDDED_SECRET, `$1"${REDACTED}"`);
      for (const s of this.secrets) out = out.split(s).join(REDACTED);
      return out;
    }
    if (Array.isArray(value)) return value.map((v) => this.redact(v, key, parent));
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          SECRET_KEY.test(k) && v !== null && typeof v !== "object" ? REDACTED : this.redact(v, k, key),
        ]),
      );
    }
    return value;
  }

  /** Writes the transcript with the run's summary as JSON; the path is printed by the caller. */
  write(path: string, header: Record<string, unknown>): void {
    const doc = { ...(this.redact(header) as object), requests: this.entries };
    writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
  }
}
