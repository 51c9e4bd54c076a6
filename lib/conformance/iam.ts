import { readingA, readingB, unclear, type Finding } from "./rows";
import { describe, isObject, type Answer, type Wire } from "./wire";

export interface SignedIn {
  token: string;
  projectId: string;
  /** `user` or `recipient`, for the transcript. */
  as: string;
}

export interface Credentials {
  account: string;
  user: string;
  password: string;
  /** A project name (the user's) or id (the recipient's member project). */
  project: { name: string } | { id: string };
}

/** Raised when the run cannot go on: the user could not sign in, or the cloud could not be reached. */
export class CannotRun extends Error {}

/** Password sign-in scoped to a project (reference 2.1); the answer, and the token when it worked. */
export async function signIn(
  wire: Wire,
  creds: Credentials,
  as: string,
): Promise<{ answer: Answer; session?: SignedIn }> {
  wire.transcript.secret(creds.password);
  const project =
    "name" in creds.project ? { name: creds.project.name, domain: { name: creds.account } } : { id: creds.project.id };
  const answer = await wire.call("iam", "POST", "/v3/auth/tokens", {
    as,
    query: { nocatalog: "true" },
    body: {
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: creds.user, password: creds.password, domain: { name: creds.account } } },
        },
        scope: { project },
      },
    },
  });
  const token = answer.headers.get("x-subject-token");
  const body = answer.body;
  const projectId =
    isObject(body) && isObject(body.token) && isObject(body.token.project) ? body.token.project.id : undefined;
  if (answer.status !== 201 || !token || typeof projectId !== "string") return { answer };
  return { answer, session: { token, projectId, as } };
}

/** Signs the user in or stops the run with a message that says why. */
export async function signInOrStop(wire: Wire, creds: Credentials, endpoint: string): Promise<SignedIn> {
  const { answer, session } = await signIn(wire, creds, "user");
  if (session) return session;
  if (answer.status === 0) throw new CannotRun(`IAM at ${endpoint} could not be reached: ${answer.error}`);
  throw new CannotRun(
    `Sign-in of ${creds.account}/${creds.user} to project ${"name" in creds.project ? creds.project.name : creds.project.id} failed: ${describe(answer)}`,
  );
}

/**
 * D7: re-scope the user's own token to the same project with `methods: ["token"]`.
 * 201 is reading A; 401 or 403 is reading B (documented for federated tokens only).
 */
export async function probeTokenRescope(wire: Wire, s: SignedIn): Promise<Finding> {
  const answer = await wire.call("iam", "POST", "/v3/auth/tokens", {
    token: s.token,
    query: { nocatalog: "true" },
    body: {
      auth: { identity: { methods: ["token"], token: { id: s.token } }, scope: { project: { id: s.projectId } } },
    },
  });
  if (answer.status === 201) return readingA("D7", 're-scoping the user\'s token with methods ["token"] answered 201');
  if (answer.status === 401 || answer.status === 403) {
    return readingB("D7", `re-scoping the user's token with methods ["token"] answered ${describe(answer)}`);
  }
  return unclear("D7", `re-scoping the user's token answered ${describe(answer)}`);
}
