import "server-only";
import type { StoredSession } from "@/lib/auth/session-store";
import { attemptKeys, clearSignInFailures, recordSignInFailure, signInBlockedFor } from "@/lib/auth/throttle";
import { CloudError } from "@/lib/cloud/errors";
import {
  createTokenByPassword,
  createTokenByToken,
  listAuthProjects,
  regionOf,
  type IssuedToken,
} from "@/lib/cloud/iam";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";

const LIMITS = {
  perUser: env.SIGN_IN_MAX_FAILURES_PER_USER,
  perAddress: env.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
  windowMs: env.SIGN_IN_WINDOW_MS,
};

/** The project of the user's to switch to, or undefined when it is not one of theirs. */
export async function targetProject(session: StoredSession, projectId: string) {
  return (await listAuthProjects(session.token, session.region)).find((p) => p.id === projectId);
}

/**
 * Re-scopes the session's token with IAM's token method. Where IAM refuses that method for this user
 * (401/403: documented for federated tokens only, cloud-api.md section 14, D7), the user is asked for
 * their password for that project instead.
 */
export async function rescopeSession(
  session: StoredSession,
  project: { id: string; name: string },
): Promise<IssuedToken> {
  try {
    return await createTokenByToken(session.token, { id: project.id }, regionOf(project.name));
  } catch (e) {
    if (e instanceof CloudError && (e.status === 401 || e.status === 403)) {
      throw new UserError("password_needed", text("errors.said.passwordNeededFor", { project: project.name }));
    }
    throw e;
  }
}

/**
 * Signs in again with the password method, scoped to the target project, as the session's account
 * and user. Refusals count against the sign-in rate limit like the sign-in form's; a wrong password
 * is a field error, never a trip to the sign-in page.
 */
export async function passwordForProject(
  session: StoredSession,
  project: { id: string; name: string },
  password: string,
  address: string,
): Promise<IssuedToken> {
  const db = await getDb();
  const keys = attemptKeys(session.accountName, session.userName, address);
  const wait = await signInBlockedFor(db, keys, LIMITS);
  if (wait) {
    const minutes = Math.ceil(wait / 60_000);
    throw new UserError("rate_limited", text("errors.said.tooManyPasswords", { minutes }));
  }
  try {
    const issued = await createTokenByPassword(
      { account: session.accountName, user: session.userName, password, project: project.name },
      regionOf(project.name),
    );
    await clearSignInFailures(db, keys);
    return issued;
  } catch (e) {
    if (!(e instanceof CloudError) || (e.status !== 401 && e.status !== 404)) throw e;
    await recordSignInFailure(db, keys, LIMITS);
    const refused = text("errors.said.passwordRefused", { user: session.userName, project: project.name });
    throw new UserError("invalid_credentials", refused, "password");
  }
}
