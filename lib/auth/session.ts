import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { CloudError } from "@/lib/cloud/errors";
import type { Scope } from "@/lib/cloud/ims";
import { UserError } from "@/lib/errors";
import { auth } from "./index";
import { PATH_HEADER, safeCallback } from "./paths";
import type { StoredSession } from "./session-store";
import { sessionStore } from "./store";

/** Sends the user to sign in, to come back to the page they were on. */
export async function redirectToSignIn(reason?: "expired"): Promise<never> {
  const path = safeCallback((await headers()).get(PATH_HEADER));
  const query = new URLSearchParams({ callbackUrl: path, ...(reason ? { reason } : {}) });
  redirect(`/login?${query}`);
}

/** The signed-in user's session, or undefined. */
export const currentSession = cache(async (): Promise<StoredSession | undefined> => {
  const s = await auth();
  return s?.sid ? (await sessionStore()).get(s.sid) : undefined;
});

/**
 * The session of every page, action and route that reads data: redirects to sign-in when there is
 * none or when the IAM token has expired.
 */
export const requireSession = cache(async (): Promise<StoredSession> => {
  const session = await currentSession();
  if (!session) return redirectToSignIn();
  if (session.tokenExpiresAt <= Date.now()) return redirectToSignIn("expired");
  return session;
});

/**
 * The session of a route handler: without a live one it throws `session_expired`, which
 * `errorResponse` answers 401 (a route answers, it does not redirect).
 */
export async function routeSession(): Promise<StoredSession> {
  const session = await currentSession();
  if (!session || session.tokenExpiresAt <= Date.now()) throw new UserError("session_expired");
  return session;
}

export function scopeOf(s: StoredSession): Scope {
  return { token: s.token, region: s.region, projectId: s.projectId };
}

/** Runs cloud reads for a page; an upstream 401 sends the user to sign in again. */
export async function withCloud<T>(fn: (scope: Scope, session: StoredSession) => Promise<T>): Promise<T> {
  const session = await requireSession();
  try {
    return await fn(scopeOf(session), session);
  } catch (e) {
    if (e instanceof CloudError && e.isUnauthenticated) return redirectToSignIn("expired");
    throw e;
  }
}

/** Read-only users (IAM role `readonly`, like audrey) see no buttons that would fail. */
export function canChange(s: StoredSession): boolean {
  return !s.roles.includes("readonly");
}
