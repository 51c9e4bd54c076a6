import { buildWebhookRequest, readWebhookAnswer } from "./presets";
import type { OutgoingEvent, WebhookTarget } from "./types";

export type { OutgoingEvent, WebhookAnswer, WebhookPreset, WebhookRequest, WebhookTarget } from "./types";
export { buildWebhookRequest, readWebhookAnswer } from "./presets";
export { DEFAULT_TOLERANCE_SEC, dingtalkSign, feishuSign, HEADER, signBody, verifySignature } from "./signature";

export const DEFAULT_TIMEOUT_MS = 10_000;
/** Enough for any robot's verdict and an error page's first lines; a receiver cannot make us read more. */
export const MAX_ANSWER_BYTES = 4096;
export const MAX_URL_LENGTH = 2000;

/** What one attempt came to; the outbox decides about retrying. */
export interface DeliveryResult {
  ok: boolean;
  status?: number;
  error?: string;
  durationMs: number;
}

/** Reads at most `limit` bytes of a body and drops the rest unread. */
async function readCapped(res: Response, limit: number): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  const bytes = Buffer.concat(chunks).subarray(0, limit);
  return new TextDecoder().decode(bytes);
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
  ENOTFOUND: "DNS lookup failed",
  EAI_AGAIN: "DNS lookup failed",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  UND_ERR_SOCKET: "connection closed",
  UND_ERR_HEADERS_OVERFLOW: "answer headers too large",
};

/**
 * fetch says only "fetch failed"; the reason is in its cause's code (undici and Node's socket errors).
 * A TLS refusal keeps its code, which is what an admin searches for.
 */
function networkError(e: unknown): string {
  const cause = e instanceof Error && e.cause && typeof e.cause === "object" ? (e.cause as { code?: unknown }) : {};
  const code = typeof cause.code === "string" ? cause.code : undefined;
  if (code && NETWORK_ERRORS[code]) return NETWORK_ERRORS[code];
  if (code && /CERT|TLS|SSL/.test(code)) return `TLS certificate refused (${code})`;
  if (e instanceof TypeError && /invalid url/i.test(e.message)) return "invalid URL";
  return code ? `network error (${code})` : "network error";
}

/**
 * Sends one notification, once, and says how it went; never throws, so one bad target cannot stop the
 * outbox. Redirects are not followed: a redirected webhook is a misconfiguration, and following it would
 * send the body, and a signed URL, to a host nobody approved. The timeout covers the answer's body too.
 */
export async function deliverWebhook(
  target: WebhookTarget,
  event: OutgoingEvent,
  opts: { timeoutMs?: number; now?: () => number; fetch?: typeof fetch } = {},
): Promise<DeliveryResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const result = (r: Omit<DeliveryResult, "durationMs">): DeliveryResult => ({
    ...r,
    durationMs: Math.round(performance.now() - started),
  });
  const signal = AbortSignal.timeout(timeoutMs);
  let status: number | undefined;
  try {
    const request = buildWebhookRequest(target, event, (opts.now ?? Date.now)());
    const res = await (opts.fetch ?? fetch)(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal,
      cache: "no-store",
    });
    status = res.status;
    // Node answers a redirect with its own 3xx status; a browser-like fetch with an opaque status 0.
    if (res.type === "opaqueredirect" || (status >= 300 && status < 400)) {
      await res.body?.cancel().catch(() => undefined);
      return result({ ok: false, status: status || undefined, error: "redirected" });
    }
    const answer = readWebhookAnswer(target.preset, status, await readCapped(res, MAX_ANSWER_BYTES));
    return result(answer.ok ? { ok: true, status } : { ok: false, status, error: answer.error });
  } catch (e) {
    if (signal.aborted) return result({ ok: false, status, error: `timed out after ${timeoutMs / 1000} s` });
    // With a status, the answer began and broke off while its body was read.
    return result({ ok: false, status, error: status === undefined ? networkError(e) : "answer cut off" });
  }
}

/**
 * Why a URL cannot be a webhook target, or null. http is for tests and private networks only (the
 * caller decides by `allowHttp`); credentials in a URL would be shown on the settings page and in logs,
 * so they belong in the secret instead. Whitespace is refused rather than trimmed so that what is stored
 * is what was checked.
 */
export function webhookUrlProblem(
  url: string,
  opts: { allowHttp: boolean },
): null | "not_url" | "not_https" | "credentials" | "too_long" {
  if (url.length > MAX_URL_LENGTH) return "too_long";
  if (/\s/.test(url) || !URL.canParse(url)) return "not_url";
  const u = new URL(url);
  if (u.protocol !== "https:" && !(opts.allowHttp && u.protocol === "http:")) return "not_https";
  if (u.username || u.password) return "credentials";
  return null;
}
