import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * SDK-HMAC-SHA256 as Huawei's SDKs sign requests (huaweicloud-sdk-nodejs-v3 `core/auth/AKSKSigner.ts`,
 * huaweicloud-sdk-python-v3 `signer/signer.py`), seen from the receiving side. Where the two SDKs
 * build the canonical request differently, every variant is tried, so that both are accepted.
 */

export const SDK_ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const UNSIGNED = "UNSIGNED-PAYLOAD";

export interface SdkAuthorization {
  ak: string;
  /** Lower-case names, in the order the client listed them. */
  signedHeaders: string[];
  signature: string;
}

/** `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`; undefined when malformed. */
export function parseSdkAuthorization(value: string): SdkAuthorization | undefined {
  const match = /^SDK-HMAC-SHA256\s+(.*)$/.exec(value.trim());
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[1].split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return undefined;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const ak = fields.get("Access");
  const headers = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!ak || !headers || !signature || !/^[0-9a-f]{64}$/i.test(signature)) return undefined;
  const signedHeaders = headers.split(";");
  if (signedHeaders.some((h) => h === "" || h !== h.toLowerCase())) return undefined;
  return { ak, signedHeaders, signature: signature.toLowerCase() };
}

/** `YYYYMMDDTHHMMSSZ` (UTC) to epoch milliseconds; undefined when malformed. */
export function parseSdkDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? t : undefined;
}

/** Percent-encodes UTF-8 bytes of everything but `A-Z a-z 0-9 - . _ ~`, upper-case hex (both SDKs). */
export function sdkEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x5f ||
      byte === 0x7e;
    out += unreserved ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The canonical URI: each segment encoded, and always a trailing slash. Node's SDK encodes the path
 * as sent (so `%` becomes `%25`); Python's decodes it first. Both, when they differ.
 */
export function canonicalUris(rawPath: string): string[] {
  const build = (decode: boolean) => {
    const path = rawPath
      .split("/")
      .map((segment) => sdkEncode(decode ? safeDecode(segment) : segment))
      .join("/");
    return path.endsWith("/") ? path : `${path}/`;
  };
  return [...new Set([build(false), build(true)])];
}

/** The canonical query string: parameters decoded, sorted by name then value, re-encoded. */
export function canonicalQuery(rawQuery: string): string {
  const byName = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    byName.set(name, [...(byName.get(name) ?? []), value]);
  }
  return [...byName.keys()]
    .sort()
    .flatMap((name) => (byName.get(name) ?? []).sort().map((value) => `${sdkEncode(name)}=${sdkEncode(value)}`))
    .join("&");
}

export interface SignedRequest {
  method: string;
  /** Path as received, still percent-encoded. */
  rawPath: string;
  /** Query as received, without `?`. */
  rawQuery: string;
  header(name: string): string | undefined;
  body: string;
  /** The `X-Sdk-Date` value. */
  date: string;
}

/**
 * Payload hashes a client may have signed: Node's SDK takes `X-Sdk-Content-Sha256` when present
 * (`UNSIGNED-PAYLOAD` for non-JSON bodies), Python's only for a non-empty body. A hash header that
 * names another body than the one received is not accepted.
 */
function payloadHashes(req: SignedRequest): string[] {
  const actual = createHash("sha256").update(req.body, "utf8").digest("hex");
  const declared = req.header("x-sdk-content-sha256")?.trim();
  if (!declared) return [actual];
  const usable = declared === UNSIGNED || declared.toLowerCase() === actual ? [declared] : [];
  return req.body === "" ? [...new Set([...usable, EMPTY_SHA256])] : usable;
}

/** Every canonical request the SDKs could have built for this request (one or a few). */
export function canonicalRequests(req: SignedRequest, signedHeaders: string[]): string[] {
  const headers = signedHeaders.map((name) => `${name}:${(req.header(name) ?? "").trim()}\n`).join("");
  const query = canonicalQuery(req.rawQuery);
  const out: string[] = [];
  for (const uri of canonicalUris(req.rawPath)) {
    for (const hash of payloadHashes(req)) {
      out.push([req.method.toUpperCase(), uri, query, headers, signedHeaders.join(";"), hash].join("\n"));
    }
  }
  return out;
}

export function stringToSign(date: string, canonicalRequest: string): string {
  return `${SDK_ALGORITHM}\n${date}\n${createHash("sha256").update(canonicalRequest, "utf8").digest("hex")}`;
}

/** True when the signature matches one of the canonical requests, compared in constant time. */
export function signatureMatches(req: SignedRequest, auth: SdkAuthorization, sk: string): boolean {
  const given = Buffer.from(auth.signature, "hex");
  return canonicalRequests(req, auth.signedHeaders).some((canonical) => {
    const expected = createHmac("sha256", sk).update(stringToSign(req.date, canonical), "utf8").digest();
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
