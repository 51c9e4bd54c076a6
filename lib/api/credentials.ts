import "server-only";
import type { Kysely } from "kysely";
import { canChange } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import { sessionStore } from "@/lib/auth/store";
import type { ApiAccess, Database } from "@/lib/db/types";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { SECRET_PATTERN } from "@/lib/tokens/secret";
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
 * The console session a token acts with: its user's newest valid session in the token's project. The
 * IAM token is what reaches the cloud, so a token never does more than its user could, and stops working
 * when they have not signed in for a while.
 */
export async function sessionOf(token: AuthenticatedToken): Promise<StoredSession> {
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
