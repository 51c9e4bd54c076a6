import type { SessionStore } from "@/lib/auth/session-store";
import { CloudError } from "@/lib/cloud/errors";
import { createTokenByToken } from "@/lib/cloud/iam";

/** Whom a batch acts for: the user who launched it, in the project it was launched in. */
export interface BatchPrincipal {
  userId: string;
  accountId: string;
  projectId: string;
  region: string;
  /** The API token with an entrusted key it was launched with (`withEntrustedKeys`), if any. */
  apiTokenId?: string | null;
}

export interface ScopedToken {
  token: string;
  expiresAt: number;
}

/** Where the tracker gets the launcher's token from. */
export interface TokenSource {
  /** A token scoped to the batch's project, stored after `notBefore`; undefined when the user has none valid. */
  tokenFor(who: BatchPrincipal, notBefore: number | null): Promise<ScopedToken | undefined>;
  /** The cloud refused this token (401): never hand it out again. */
  refused(token: string): void;
  /**
   * The last `tokenFor` of this principal found sessions of other projects but IAM refused to re-scope
   * each of them (401/403, D7): only a sign-in to the batch's own project helps.
   */
  rescopeRefused?(who: BatchPrincipal): boolean;
}

/**
 * Tokens from the user's own sessions: the one of the batch's project if there is one, else a
 * session of another project of the same account re-scoped with IAM's token method (kept in memory
 * only, until it expires). A user who switched projects after launching still has their batch run.
 */
export function sessionTokens(store: () => Promise<SessionStore>, now: () => number = Date.now): TokenSource {
  const rescoped = new Map<string, ScopedToken>();
  const refused = new Set<string>();
  const refusedRescope = new Set<string>();
  const principal = (who: BatchPrincipal) => `${who.accountId}/${who.userId}/${who.projectId}`;
  return {
    async tokenFor(who, notBefore) {
      const sessions = (await (await store()).validFor(who.userId, who.accountId, { now: now(), notBefore })).filter(
        (s) => !refused.has(s.token),
      );
      const same = sessions.find((s) => s.projectId === who.projectId);
      if (same) {
        refusedRescope.delete(principal(who));
        return { token: same.token, expiresAt: same.tokenExpiresAt };
      }
      let tried = 0;
      let refusedBy = 0;
      for (const s of sessions) {
        const key = `${s.id}:${who.projectId}`;
        const cached = rescoped.get(key);
        if (cached && cached.expiresAt > now() + 60_000 && !refused.has(cached.token)) return cached;
        tried++;
        try {
          const issued = await createTokenByToken(s.token, { id: who.projectId }, who.region);
          const token = { token: issued.token, expiresAt: Date.parse(issued.body.expires_at) };
          rescoped.set(key, token);
          refusedRescope.delete(principal(who));
          return token;
        } catch (e) {
          // This session cannot reach the project (IAM refuses the token method, revoked access, an
          // expired token): try the next one.
          if (!(e instanceof CloudError) || e.isUnavailable) throw e;
          if (e.status === 401 || e.status === 403) refusedBy++;
        }
      }
      // Sessions stored before the batch began to wait are not read again: the last verdict stands.
      if (tried > 0) {
        if (refusedBy === tried) refusedRescope.add(principal(who));
        else refusedRescope.delete(principal(who));
      }
      return undefined;
    },
    rescopeRefused(who) {
      return refusedRescope.has(principal(who));
    },
    refused(token) {
      refused.add(token);
      for (const [key, t] of rescoped) if (t.token === token) rescoped.delete(key);
    },
  };
}
