import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { decryptToken, deriveTokenKey, encryptToken } from "./crypto";
import { SessionStore } from "./session-store";

const key = deriveTokenKey(env.AUTH_SECRET);

export async function sessionStore(): Promise<SessionStore> {
  return new SessionStore(await getDb(), key);
}

/**
 * Seals a secret the console keeps for a user beside their IAM tokens (an API token's entrusted secret
 * key) with the same key and function, so that one AUTH_SECRET guards both and rotating it voids both.
 */
export function sealSecret(plain: string): string {
  return encryptToken(plain, key);
}

/** Opens what `sealSecret` sealed; throws if it was altered or sealed under another AUTH_SECRET. */
export function openSecret(sealed: string): string {
  return decryptToken(sealed, key);
}
