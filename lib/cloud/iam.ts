import "server-only";
import { cache } from "react";
import { CloudError } from "./errors";
import { cloudRequest } from "./request";
import {
  authProjectsSchema,
  credentialSchema,
  passwordAuthSchema,
  tokenAuthSchema,
  tokenSchema,
  type PermanentAccessKey,
  type TokenBody,
} from "./schemas/iam";

/** A token as the console keeps it: the secret string plus what IAM said about it. */
export interface IssuedToken {
  token: string;
  body: TokenBody;
  requestId?: string;
}

/** The region of a project: its name, up to a sub-project suffix (`ap-southeast-1_dev`). */
export function regionOf(projectName: string): string {
  return projectName.split("_")[0];
}

function issued(res: {
  status: number;
  headers: Headers;
  data: { token: TokenBody };
  requestId?: string;
}): IssuedToken {
  const token = res.headers.get("x-subject-token");
  if (!token)
    throw new CloudError("iam", res.status, "invalid_response", "IAM answered without a token.", res.requestId);
  return { token, body: res.data.token, requestId: res.requestId };
}

export interface PasswordCredentials {
  account: string;
  user: string;
  password: string;
}

/**
 * `POST /v3/auth/tokens`, password method, scoped to a project by name (`ap-southeast-1`) in the
 * account, or to the account itself (`project` omitted), which tells bad credentials from a bad project.
 */
export async function createTokenByPassword(
  input: PasswordCredentials & { project?: string },
  region: string,
): Promise<IssuedToken> {
  const scope = input.project
    ? { project: { name: input.project, domain: { name: input.account } } }
    : { domain: { name: input.account } };
  const res = await cloudRequest({
    service: "iam",
    region,
    method: "POST",
    path: "/v3/auth/tokens",
    query: { nocatalog: "true" },
    input: passwordAuthSchema,
    body: {
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: input.user, password: input.password, domain: { name: input.account } } },
        },
        scope,
      },
    },
    output: tokenSchema,
  });
  return issued(res);
}

/** `POST /v3/auth/tokens`, token method: re-scopes an existing token to another project. */
export async function createTokenByToken(
  token: string,
  project: { id: string } | { name: string; domain: { name: string } },
  region: string,
): Promise<IssuedToken> {
  const res = await cloudRequest({
    service: "iam",
    region,
    method: "POST",
    path: "/v3/auth/tokens",
    query: { nocatalog: "true" },
    input: tokenAuthSchema,
    body: { auth: { identity: { methods: ["token"], token: { id: token } }, scope: { project } } },
    output: tokenSchema,
  });
  return issued(res);
}

/** `GET /v3/auth/tokens`: what IAM knows about a token (the caller validates its own). */
export async function validateToken(token: string, region: string): Promise<TokenBody> {
  const res = await cloudRequest({
    service: "iam",
    region,
    method: "GET",
    path: "/v3/auth/tokens",
    token,
    query: { nocatalog: "true" },
    headers: { "X-Subject-Token": token },
    output: tokenSchema,
  });
  return res.data.token;
}

/**
 * `GET /v3/auth/projects`: the projects the token's user may switch to. Cached for one request, so the
 * shell's project switcher and a page that names projects share one IAM call.
 */
export const listAuthProjects = cache(async (token: string, region: string) => {
  const res = await cloudRequest({
    service: "iam",
    region,
    method: "GET",
    path: "/v3/auth/projects",
    token,
    output: authProjectsSchema,
  });
  return res.data.projects.filter((p) => p.enabled);
});

/**
 * `GET /v3.0/OS-CREDENTIAL/credentials/{access_key}` (ShowPermanentAccessKey): whose access key it is and
 * its status. Called with a signing credential of the same key, it proves the pair works and names its user.
 */
export async function showPermanentAccessKey(
  token: string,
  region: string,
  accessKey: string,
): Promise<PermanentAccessKey> {
  const res = await cloudRequest({
    service: "iam",
    region,
    method: "GET",
    path: `/v3.0/OS-CREDENTIAL/credentials/${encodeURIComponent(accessKey)}`,
    token,
    output: credentialSchema,
  });
  return res.data.credential;
}
