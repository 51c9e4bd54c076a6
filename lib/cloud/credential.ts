import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { AccessKeyPair } from "./signer";

/** An access key and where its calls act: the project of project services, the account of global ones. */
export interface SigningKey extends AccessKeyPair {
  projectId: string;
  domainId: string;
}

const PREFIX = "sdk-hmac.v1.";
// This process's own key: a credential is made for one request and read back by `cloudRequest` of the
// same process, so nothing but this process can open one, and one printed by mistake reveals no SK.
const KEY = randomBytes(32);

/**
 * The credential a session or scope carries in place of an IAM token when an API token acts with an
 * entrusted access key: an opaque string, so that every domain function that passes `scope.token` along
 * works unchanged, and only `cloudRequest` (through `signingKeyOf`) turns it into a signature. It holds
 * the pair sealed with AES-256-GCM under a key that never leaves this process.
 */
export function signingCredential(key: SigningKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", KEY, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(key), "utf8"), cipher.final()]);
  return PREFIX + [iv, sealed, cipher.getAuthTag()].map((b) => b.toString("base64url")).join(".");
}

/**
 * The access key a credential of `signingCredential` stands for; undefined for an IAM token (which never
 * starts so: IAM's tokens are base64, without dots). Throws for one altered or made by another process, rather
 * than send it to the cloud as a token.
 */
export function signingKeyOf(credential: string): SigningKey | undefined {
  if (!credential.startsWith(PREFIX)) return undefined;
  const [iv, sealed, tag] = credential.slice(PREFIX.length).split(".");
  if (!iv || !sealed || !tag) throw new Error("unrecognised signing credential");
  const decipher = createDecipheriv("aes-256-gcm", KEY, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]);
  return JSON.parse(plain.toString("utf8")) as SigningKey;
}
