import type { Kysely } from "kysely";
import { DEMO } from "@/emulator/seed/demo";
import { sessionStore } from "@/lib/auth/store";
import type { ApiAccess, Database } from "@/lib/db/types";
import { createToken } from "@/lib/tokens/store";
import type { ApiHandler } from "./route";

/** Demo users as the API tests sign them in: alice and audrey (read-only) of acme, bob of globex. */
export const PEOPLE = {
  alice: { user: DEMO.alice, name: "alice", account: DEMO.acme, accountName: "acme", project: DEMO.acmeAp },
  audrey: { user: DEMO.audrey, name: "audrey", account: DEMO.acme, accountName: "acme", project: DEMO.acmeAp },
  bob: { user: DEMO.bob, name: "bob", account: DEMO.globex, accountName: "globex", project: DEMO.globexAp },
} as const;
export type Person = keyof typeof PEOPLE;

/** A console session of `who` holding `iamToken`, as signing in stores it (`project` is a project id of ap-southeast-1). */
export async function signIn(who: Person, iamToken: string, opts: { project?: string; expiresInMs?: number } = {}) {
  const p = PEOPLE[who];
  const project = {
    id: opts.project ?? p.project,
    name: "ap-southeast-1",
    domain: { id: p.account, name: p.accountName },
  };
  const body = {
    methods: ["password"],
    issued_at: new Date().toISOString(),
    expires_at: new Date(Date.now() + (opts.expiresInMs ?? 3_600_000)).toISOString(),
    user: { id: p.user, name: p.name, domain: { id: p.account, name: p.accountName } },
    project,
    roles: [{ id: "r1", name: who === "audrey" ? "readonly" : "te_admin" }],
  };
  return (await sessionStore()).create(iamToken, body);
}

/** A token of `who` in their demo project; `canWrite` as their role says unless given. */
export async function tokenOf(db: Kysely<Database>, who: Person, access: ApiAccess, canWrite = who !== "audrey") {
  const p = PEOPLE[who];
  const { secret, token } = await createToken(
    db,
    {
      accountId: p.account,
      accountName: p.accountName,
      userId: p.user,
      userName: p.name,
      projectId: p.project,
      projectName: "ap-southeast-1",
      region: "ap-southeast-1",
      canWrite,
      roles: [who === "audrey" ? "readonly" : "te_admin"],
    },
    { name: `${who}-${access}`, access, expiresInDays: 30 },
  );
  return { secret, id: token.id };
}

/** Calls a route handler as a client would: a bearer secret, a JSON body, the path's parameters. */
export async function callApi<P>(
  handler: ApiHandler<P>,
  path: string,
  opts: { secret?: string; method?: string; body?: unknown; headers?: Record<string, string>; params?: P } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.secret) headers.authorization = `Bearer ${opts.secret}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://console.test${path}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
  });
  const response = await handler(request, { params: Promise.resolve(opts.params ?? ({} as P)) });
  const type = response.headers.get("content-type") ?? "";
  const body: unknown = type.includes("application/json") ? await response.json() : await response.text();
  return { status: response.status, headers: response.headers, body };
}
