import { createHash, createHmac } from "node:crypto";

/**
 * A test-side SDK-HMAC-SHA256 signer, written from the algorithm Huawei's Node SDK follows (and kept
 * apart from the emulator's verifier, so that the tests check one against the other): every header
 * given plus `host` and `X-Sdk-Date` is signed, the path segments and query are RFC 3986 encoded, the
 * canonical URI ends in `/`, the payload hash is the hex SHA-256 of the body as sent.
 */

export interface SdkKey {
  ak: string;
  sk: string;
}

export interface RequestToSign {
  method: string;
  /** Path with an optional `?query`, as it will be sent. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Signing time (epoch ms); now by default. */
  date?: number;
  host?: string;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** encodeURIComponent leaves `!'()*` alone; the SDK's table escapes them too. */
const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (ch) => "%" + ch.charCodeAt(0).toString(16).toUpperCase());

export function sdkDateOf(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
}

function canonicalQueryOf(search: string): string {
  const params: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) (params[k] ??= []).push(v);
  const parts: string[] = [];
  for (const k of Object.keys(params).sort()) {
    for (const v of params[k].sort()) parts.push(`${rfc3986(k)}=${rfc3986(v)}`);
  }
  return parts.join("&");
}

/** The headers to send: those given, `host`, `X-Sdk-Date` and the `Authorization`. */
export function signLikeSdk(key: SdkKey, req: RequestToSign): Record<string, string> {
  const queryAt = req.path.indexOf("?");
  const pathname = queryAt < 0 ? req.path : req.path.slice(0, queryAt);
  const search = queryAt < 0 ? "" : req.path.slice(queryAt + 1);
  const date = sdkDateOf(req.date ?? Date.now());
  const headers: Record<string, string> = { ...req.headers, host: req.host ?? "emulator.test", "X-Sdk-Date": date };

  const names = Object.keys(headers).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const signedHeaders = names.map((n) => n.toLowerCase()).join(";");
  const uri = pathname.split("/").map(rfc3986).join("/");
  const canonical = [
    req.method.toUpperCase(),
    uri.endsWith("/") ? uri : `${uri}/`,
    canonicalQueryOf(search),
    names.map((n) => `${n.toLowerCase()}:${headers[n]}\n`).join(""),
    signedHeaders,
    sha256(req.body ?? ""),
  ].join("\n");
  const toSign = `SDK-HMAC-SHA256\n${date}\n${sha256(canonical)}`;
  const signature = createHmac("sha256", key.sk).update(toSign).digest("hex");
  return {
    ...headers,
    Authorization: `SDK-HMAC-SHA256 Access=${key.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
