import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

/** A 256-bit key for IAM tokens at rest, derived from AUTH_SECRET so that rotating the secret voids them. */
export function deriveTokenKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "imshare", "iam-token-at-rest/v1", 32));
}

/** AES-256-GCM: `v1.<iv>.<ciphertext>.<tag>`, base64url. */
export function encryptToken(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, data, cipher.getAuthTag()]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Throws if the ciphertext was altered or made with another key. */
export function decryptToken(sealed: string, key: Buffer): string {
  const [version, iv, data, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !data || !tag) throw new Error("unrecognised token ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** A session id: 256 random bits. */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}
