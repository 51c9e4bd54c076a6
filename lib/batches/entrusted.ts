import type { Kysely } from "kysely";
import { decryptToken } from "@/lib/auth/crypto";
import { signingCredential } from "@/lib/cloud/credential";
import type { Database } from "@/lib/db/types";
import type { BatchPrincipal, ScopedToken, TokenSource } from "./tokens";

/** How long the tracker keeps a key's credential before it looks at the token again. */
const RECHECK_MS = 5 * 60_000;

/**
 * The signing credential of the API token a batch was launched with, while that token is active: not
 * revoked, not expired, acting with an entrusted key that still decrypts (AUTH_SECRET unchanged).
 */
async function keyCredential(
  db: Kysely<Database>,
  key: Buffer,
  who: BatchPrincipal & { apiTokenId: string },
  now: number,
): Promise<ScopedToken | undefined> {
  const row = await db
    .selectFrom("api_tokens")
    .select(["access_key", "secret_key_ciphertext", "expires_at", "account_id", "project_id"])
    .where("id", "=", who.apiTokenId)
    .where("user_id", "=", who.userId)
    .where("credentials", "=", "access_key")
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row?.access_key || !row.secret_key_ciphertext || Number(row.expires_at) <= now) return undefined;
  let sk: string;
  try {
    sk = decryptToken(row.secret_key_ciphertext, key);
  } catch {
    return undefined;
  }
  const signing = { ak: row.access_key, sk, projectId: row.project_id, domainId: row.account_id };
  // Asked for again within minutes, not at the token's end: a token revoked meanwhile stops its batches soon.
  return { token: signingCredential(signing), expiresAt: Math.min(Number(row.expires_at), now + RECHECK_MS) };
}

/**
 * Batches launched through the API with an entrusted key are sent with that key, so `imshare apply` in CI
 * completes with nobody signed in. A token revoked or expired since, whose key no longer decrypts, or whose
 * key the cloud refused (deleted in IAM), gives way to the user's sessions: the batch then waits for a
 * sign-in like any other.
 */
export function withEntrustedKeys(
  source: TokenSource,
  db: Kysely<Database>,
  key: Buffer,
  now: () => number = Date.now,
): TokenSource {
  const handedOut = new Map<string, string>();
  const refusedTokens = new Set<string>();
  return {
    async tokenFor(who, notBefore) {
      const apiTokenId = who.apiTokenId;
      if (apiTokenId && !refusedTokens.has(apiTokenId)) {
        const credential = await keyCredential(db, key, { ...who, apiTokenId }, now());
        if (credential) {
          handedOut.set(credential.token, apiTokenId);
          return credential;
        }
      }
      return source.tokenFor(who, notBefore);
    },
    refused(token) {
      const apiTokenId = handedOut.get(token);
      if (apiTokenId === undefined) return source.refused(token);
      refusedTokens.add(apiTokenId);
      handedOut.delete(token);
    },
    rescopeRefused: (who) => source.rescopeRefused?.(who) ?? false,
  };
}
