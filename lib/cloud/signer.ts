import { createHash, createHmac } from "node:crypto";

/** A permanent access key of an IAM user: the AK names it, the SK signs with it and is never sent. */
export interface AccessKeyPair {
  ak: string;
  sk: string;
}

/** What is signed: the request exactly as it will be sent. */
export interface RequestToSign {
  method: string;
  url: URL;
  /** Every header that will be sent but `Host` (taken from the URL) and those the signature adds. */
  headers: Record<string, string>;
  /** The body as sent, or none. */
  body?: string;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The gateway's basic UTC form, `20261206T211403Z`: the `X-Sdk-Date` header and the second line signed. */
function sdkDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Percent-encodes every UTF-8 byte but `A-Z a-z 0-9 - . _ ~`, in upper-case hex, as the gateway re-encodes. */
function encode(text: string): string {
  return Array.from(Buffer.from(text, "utf8"), (byte) => {
    const ch = String.fromCharCode(byte);
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

/** The path as sent, each segment encoded once more (`%` too), always ending in `/`. */
function canonicalUri(url: URL): string {
  const path = url.pathname.split("/").map(encode).join("/");
  return path.endsWith("/") ? path : `${path}/`;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The query's parameters sorted by name, then value, each encoded. */
function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .sort(([a, x], [b, y]) => byCodeUnit(a, b) || byCodeUnit(x, y))
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .join("&");
}

/**
 * The headers that sign a request with SDK-HMAC-SHA256, the API gateway's AK/SK scheme: `X-Sdk-Date` and
 * an `Authorization` naming the AK, the signed headers and the signature. Every header of the request is
 * signed (lower-cased, sorted, `host` among them), so the gateway refuses the request if any of them, the
 * method, path, query or body changes on the way; the SK itself never leaves the console.
 */
export function signRequest(key: AccessKeyPair, req: RequestToSign, now = Date.now()): Record<string, string> {
  const date = sdkDate(now);
  const headers = new Map<string, string>([
    ["host", req.url.host],
    ["x-sdk-date", date],
  ]);
  for (const [name, value] of Object.entries(req.headers)) headers.set(name.toLowerCase(), value.trim());
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(";");
  const canonical = [
    req.method.toUpperCase(),
    canonicalUri(req.url),
    canonicalQuery(req.url),
    names.map((name) => `${name}:${headers.get(name)}\n`).join(""),
    signedHeaders,
    sha256(req.body ?? ""),
  ].join("\n");
  const stringToSign = `SDK-HMAC-SHA256\n${date}\n${sha256(canonical)}`;
  const signature = createHmac("sha256", key.sk).update(stringToSign, "utf8").digest("hex");
  return {
    "X-Sdk-Date": date,
    Authorization: `SDK-HMAC-SHA256 Access=${key.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
