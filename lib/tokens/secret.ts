import { createHash, randomBytes } from "node:crypto";

/** Every token's secret starts so, which tells it apart from an IAM token and lets scanners find a leaked one. */
const TOKEN_PREFIX = "imsh_";

/** A secret as it is given out: the prefix and 40 base62 characters (238 bits). */
export const SECRET_PATTERN = /^imsh_[0-9A-Za-z]{40}$/;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A new secret, from the system's random source. Bytes of 248 and more are dropped rather than folded,
 * so each of the 62 characters is equally likely.
 */
export function newSecret(): string {
  let out = TOKEN_PREFIX;
  while (out.length < TOKEN_PREFIX.length + 40) {
    for (const byte of randomBytes(48)) {
      if (byte >= 248) continue;
      out += BASE62[byte % 62];
      if (out.length === TOKEN_PREFIX.length + 40) break;
    }
  }
  return out;
}

/** What is stored and looked up instead of the secret: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The part of a secret shown in lists (`imsh_AbC1`): enough to tell tokens apart, far too little to guess with. */
export function prefixOf(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 4);
}

/** The part of an entrusted AK shown in lists and sentences (`ACME…`): enough to recognise one's key, never the key. */
export function accessKeyPrefix(ak: string): string {
  return `${ak.slice(0, 4)}…`;
}
