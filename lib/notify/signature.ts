import { createHmac, timingSafeEqual } from "node:crypto";

/** The generic preset's headers; robot presets send them too, so any receiver can deduplicate by id. */
export const HEADER = {
  eventId: "imshare-event-id",
  eventType: "imshare-event-type",
  timestamp: "imshare-timestamp",
  signature: "imshare-signature",
  idempotencyKey: "idempotency-key",
} as const;

/** How old (or how far ahead) a signed timestamp may be before `verifySignature` refuses it. */
export const DEFAULT_TOLERANCE_SEC = 300;

const SIGNATURE_VERSION = "v1";

/**
 * The generic preset's signature: hex HMAC-SHA256 over `${timestamp}.${body}`, keyed with the target's
 * secret. The timestamp is inside the signed bytes so that a captured request cannot be replayed later
 * with a fresh timestamp (the Stripe and Standard Webhooks layout, which receivers already know).
 */
export function signBody(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The `imshare-signature` header's value; versioned so that the scheme can change without breaking receivers. */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `${SIGNATURE_VERSION}=${signBody(secret, timestamp, body)}`;
}

function headerOf(headers: Record<string, string | undefined> | Headers, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * Whether a request was signed by someone holding `secret`, within `toleranceSec` of `now` (ms, default
 * the clock). The header may carry several `v1=` values (comma or space separated) so that a receiver
 * keeps working while a secret is rotated. Comparison is constant-time, so timing does not reveal how
 * much of a forged signature was right.
 */
export function verifySignature(
  secret: string,
  headers: Record<string, string | undefined> | Headers,
  body: string,
  opts: { toleranceSec?: number; now?: number } = {},
): boolean {
  if (!secret) return false;
  const timestampText = headerOf(headers, HEADER.timestamp)?.trim() ?? "";
  const signature = headerOf(headers, HEADER.signature);
  if (!/^\d{1,12}$/.test(timestampText) || !signature) return false;
  const timestamp = Number(timestampText);
  const nowSec = Math.floor((opts.now ?? Date.now()) / 1000);
  if (Math.abs(nowSec - timestamp) > (opts.toleranceSec ?? DEFAULT_TOLERANCE_SEC)) return false;
  const expected = Buffer.from(signBody(secret, timestamp, body), "hex");
  let valid = false;
  for (const part of signature.split(/[\s,]+/)) {
    const [version, hex] = part.split("=", 2);
    if (version !== SIGNATURE_VERSION || !hex || !/^[0-9a-f]{64}$/i.test(hex)) continue;
    // Every candidate is compared, so the time taken does not say which one matched.
    if (timingSafeEqual(Buffer.from(hex, "hex"), expected)) valid = true;
  }
  return valid;
}

/**
 * DingTalk custom robot "加签": base64 of HMAC-SHA256 keyed with the secret over `${timestamp}\n${secret}`,
 * timestamp in milliseconds. Not yet URL-encoded: the caller encodes it into the query.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

/**
 * Feishu/Lark custom bot 签名校验: base64 of HMAC-SHA256 keyed with `${timestamp}\n${secret}` over an
 * empty message, timestamp in seconds. Key and message are the other way round from DingTalk's; mixing
 * them up is the usual mistake (Feishu answers code 19021, "sign match fail").
 */
export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac("sha256", `${timestampSec}\n${secret}`).update("").digest("base64");
}
