import "server-only";
import type { Kysely } from "kysely";
import { canChange } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import { sessionStore } from "@/lib/auth/store";
import { signingCredential } from "@/lib/cloud/credential";
import { CloudError } from "@/lib/cloud/errors";
import type { ApiAccess, Database } from "@/lib/db/types";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { accessKeyPrefix, SECRET_PATTERN } from "@/lib/tokens/secret";
import { authenticate, type AuthenticatedToken } from "@/lib/tokens/store";

const BEARER = /^Bearer +(\S+) *$/i;

/** The request's token, or a refusal: a missing or malformed header and an unknown token are told apart. */
export async function tokenOf(
  db: Kysely<Database>,
  request: Request,
): Promise<{ token: AuthenticatedToken } | { refused: UserError; tokenId?: string }> {
  const secret = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!secret) return { refused: new UserError("invalid_token", text("tokens.errors.missingHeader")) };
  // Not a secret this console gives out (an IAM token pasted by mistake): the same answer as a lost one.
  if (!SECRET_PATTERN.test(secret)) return { refused: new UserError("invalid_token", text("tokens.errors.unknown")) };
  return authenticate(db, secret);
}

/**
 * The console session a token acts with. A token with an entrusted key needs none: its session is made
 * from the token itself (its user, account, project and region, the roles of the session that made it),
 * and every cloud call of the request is signed with the key, which IAM checked was the user's own. Any
 * other token acts with its user's newest valid session in the token's project, whose IAM token reaches
 * the cloud; it stops working when they have not signed in for a while. Either way a token never does
 * more than its user could.
 */
export async function sessionOf(token: AuthenticatedToken): Promise<StoredSession> {
  if (token.entrusted)
    return {
      id: `api-token:${token.id}`,
      userId: token.user_id,
      userName: token.user_name,
      accountId: token.account_id,
      accountName: token.account_name,
      projectId: token.project_id,
      projectName: token.project_name,
      region: token.region,
      roles: token.roles,
      token: signingCredential({ ...token.entrusted, projectId: token.project_id, domainId: token.account_id }),
      tokenExpiresAt: token.expiresAt,
    };
  const [session] = await (
    await sessionStore()
  ).validFor(token.user_id, token.account_id, { projectId: token.project_id });
  if (!session)
    throw new UserError(
      "session_expired",
      text("tokens.errors.noSession", { user: token.user_name, project: token.project_name }),
    );
  return session;
}

/**
 * Refuses a change to a token with read access, and to a read-only IAM user's token (their tokens can be
 * write tokens made before the role changed).
 */
export function mayWrite(token: { access: ApiAccess }, session: StoredSession): void {
  if (token.access !== "write")
    throw new UserError("forbidden", text("tokens.errors.readAccess", { access: token.access }));
  if (!canChange(session)) throw new UserError("forbidden", text("tokens.errors.readOnlyApi"));
}

/**
 * What the cloud's 401 means to a token with an entrusted key: the key was deleted or disabled in IAM
 * since, not a session to sign in again to; other failures pass unchanged.
 */
export function keyRefusal(token: AuthenticatedToken, e: unknown): unknown {
  if (!token.entrusted || !(e instanceof CloudError) || !e.isUnauthenticated) return e;
  return new UserError(
    "invalid_token",
    text("tokens.errors.keyRefusedNow", { prefix: accessKeyPrefix(token.entrusted.ak) }),
  );
}
