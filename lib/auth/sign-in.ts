import "server-only";
import { CredentialsSignin } from "next-auth";
import { CloudError } from "@/lib/cloud/errors";
import {
  createTokenByPassword,
  createTokenByToken,
  listAuthProjects,
  regionOf,
  validateToken,
  type IssuedToken,
} from "@/lib/cloud/iam";
import { env } from "@/lib/env";

export type SignInCode =
  | "invalid_credentials"
  | "invalid_token"
  | "unknown_project"
  | "token_not_rescoped"
  | "iam_unreachable"
  | "forbidden"
  | "upstream_unavailable";

/** A sign-in refusal with a code the form turns into a sentence; Auth.js lets it through to the action. */
export class SignInFailed extends CredentialsSignin {
  constructor(readonly reason: SignInCode) {
    super();
    this.code = reason;
  }
}

/**
 * One server-log line per refused sign-in: who (account and user, never a secret) and why (the code).
 * Auth.js's own logger is told to stay quiet about these (`lib/auth/index.ts`), so no stack is printed.
 */
async function logRefusal<T>(who: string | { text: string }, attempt: Promise<T>): Promise<T> {
  try {
    return await attempt;
  } catch (e) {
    if (e instanceof SignInFailed)
      console.warn(`sign-in refused: ${typeof who === "string" ? who : who.text}: ${e.reason}`);
    throw e;
  }
}

function transportFailure(e: CloudError): SignInFailed {
  if (e.isUnavailable) return new SignInFailed("iam_unreachable");
  if (e.status === 403) return new SignInFailed("forbidden");
  return new SignInFailed("upstream_unavailable");
}

/**
 * Exchanges account, user and password for a token scoped to the project. When IAM refuses, a second,
 * account-scoped request tells wrong credentials from a project the user cannot use.
 */
export async function signInWithPassword(input: {
  account: string;
  user: string;
  password: string;
  project: string;
}): Promise<IssuedToken> {
  return logRefusal(`account ${input.account} user ${input.user} project ${input.project}`, passwordSignIn(input));
}

async function passwordSignIn(input: {
  account: string;
  user: string;
  password: string;
  project: string;
}): Promise<IssuedToken> {
  const region = regionOf(input.project);
  try {
    return await createTokenByPassword(input, region);
  } catch (e) {
    if (!(e instanceof CloudError)) throw e;
    if (e.status !== 401 && e.status !== 404) throw transportFailure(e);
  }
  try {
    await createTokenByPassword({ account: input.account, user: input.user, password: input.password }, region);
  } catch (e) {
    if (e instanceof CloudError && e.status !== 401 && e.status !== 404) throw transportFailure(e);
    throw new SignInFailed("invalid_credentials");
  }
  throw new SignInFailed("unknown_project");
}

/**
 * Signs in with a token a federated user already holds: IAM validates it, and it is re-scoped to the
 * chosen project when that differs from the token's own (or the token has none). IAM may refuse the
 * token method (401/403, D7): the user is told to use the token's own project or their password.
 */
export async function signInWithToken(input: { token: string; project?: string }): Promise<IssuedToken> {
  const who = { text: `token method project ${input.project || "(the token's)"}` };
  return logRefusal(who, tokenSignIn(input, who));
}

async function tokenSignIn(input: { token: string; project?: string }, who: { text: string }): Promise<IssuedToken> {
  const region = regionOf(input.project || env.CLOUD_DEFAULT_REGION);
  let body;
  try {
    body = await validateToken(input.token, region);
  } catch (e) {
    if (e instanceof CloudError && (e.status === 401 || e.status === 404)) throw new SignInFailed("invalid_token");
    throw e instanceof CloudError ? transportFailure(e) : e;
  }
  const wanted = input.project || body.project?.name || env.CLOUD_DEFAULT_REGION;
  who.text = `token method account ${body.user.domain.name} user ${body.user.name} project ${wanted}`;
  if (body.project?.name === wanted) return { token: input.token, body };
  try {
    return await createTokenByToken(
      input.token,
      { name: wanted, domain: { name: body.user.domain.name } },
      regionOf(wanted),
    );
  } catch (e) {
    if (e instanceof CloudError && e.status === 404) throw new SignInFailed("unknown_project");
    if (e instanceof CloudError && (e.status === 401 || e.status === 403)) {
      // A project of the user's that IAM would not move the token to, or not one of theirs at all.
      const theirs = await listAuthProjects(input.token, region).catch(() => []);
      throw new SignInFailed(theirs.some((p) => p.name === wanted) ? "token_not_rescoped" : "unknown_project");
    }
    throw e instanceof CloudError ? transportFailure(e) : e;
  }
}
