import { mkdirSync } from "node:fs";
import { expect, test as base, type Page } from "@playwright/test";
import { DEMO_PASSWORDS } from "../emulator/seed/demo";
import { EMULATOR_URL, type E2eTarget } from "../playwright.config";

export const USERS = {
  alice: { account: "acme", user: "alice", password: DEMO_PASSWORDS.alice },
  audrey: { account: "acme", user: "audrey", password: DEMO_PASSWORDS.audrey },
  arthur: { account: "acme", user: "arthur", password: DEMO_PASSWORDS.arthur },
  bob: { account: "globex", user: "bob", password: DEMO_PASSWORDS.bob },
  carol: { account: "initech", user: "carol", password: DEMO_PASSWORDS.carol },
} as const;
export type DemoUser = keyof typeof USERS;

/**
 * The console and emulator the running test's project targets: reading A (project `main`) or reading B
 * of the disputed behaviours (project `disputed-b`). Outside a test, the main ones.
 */
export function target(): E2eTarget {
  try {
    return base.info().project.metadata as E2eTarget;
  } catch {
    return { reading: "A", emulatorUrl: EMULATOR_URL, database: "data/e2e.db", sessions: "data/e2e-sessions/main" };
  }
}

/** The reading of the disputed behaviours the running test's emulator plays. */
export const reading = () => target().reading;

/** Where signing in lands without a page to return to: the overview, the console's home. */
export const HOME = /^https?:\/\/[^/]+\/$/;

/** The emulator's test controls (never called by the console itself). */
export const emulator = {
  get url() {
    return target().emulatorUrl;
  },
  async post(path: string, body: unknown = {}) {
    const res = await fetch(`${emulator.url}/__emulator${path}`, { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`emulator ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : res.json();
  },
  async put(path: string, body: unknown) {
    const res = await fetch(`${emulator.url}/__emulator${path}`, { method: "PUT", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`emulator ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  },
  /** Back to the demo world; the IAM tokens stay valid, so stored sessions stay signed in. */
  reset: () => emulator.post("/reset", { keepTokens: true }),
  fault: (fault: Record<string, unknown>) => emulator.post("/faults/routes", fault),
  async clearFaults() {
    await fetch(`${emulator.url}/__emulator/faults`, { method: "DELETE" });
  },
  async stats(): Promise<Record<string, number>> {
    return (await (await fetch(`${emulator.url}/__emulator/stats`)).json()).routes;
  },
  async resetStats() {
    await fetch(`${emulator.url}/__emulator/stats`, { method: "DELETE" });
  },
  /** A token issued straight by the emulator's IAM, as a federated user would hold one. */
  async issueToken(user: DemoUser, project = "ap-southeast-1"): Promise<string> {
    const u = USERS[user];
    const res = await fetch(`${emulator.url}/v3/auth/tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { name: u.user, password: u.password, domain: { name: u.account } } },
          },
          scope: { project: { name: project, domain: { name: u.account } } },
        },
      }),
    });
    const token = res.headers.get("x-subject-token");
    if (!token) throw new Error(`token for ${user}: ${res.status}`);
    return token;
  },
  /** A call to the emulator's cloud API as a signed-in user of another account would make it. */
  async cloud(token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { "Content-Type": "application/json", "X-Auth-Token": token },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  },
  advanceClock: (ms: number) => emulator.post("/clock", { advanceMs: ms }),
  async tokens(): Promise<{ token: string; user: string }[]> {
    return (await fetch(`${emulator.url}/__emulator/tokens`)).json();
  },
};

/** The sign-in page as a user sees it. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(path = "/login") {
    await this.page.goto(path);
  }

  async signIn(who: DemoUser | { account: string; user: string; password: string }, project = "ap-southeast-1") {
    const u = typeof who === "string" ? USERS[who] : who;
    await this.page.getByLabel("Account name").fill(u.account);
    await this.page.getByLabel("IAM user name").fill(u.user);
    await this.page.getByLabel("Password").fill(u.password);
    await this.page.getByLabel("Project (region)").fill(project);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}

interface TestFixtures {
  /** The sign-in page, for tests of signing in (and of what changes the session) that sign in themselves. */
  login: LoginPage;
  /** `test.use({ user: "alice" })`: the test's page starts signed in as this user, with the stored session. */
  user: DemoUser | undefined;
  /** A page of its own (own context) signed in as another user through that user's stored session. */
  pageAs: (user: DemoUser) => Promise<Page>;
}

interface WorkerFixtures {
  /** The file of the user's stored session on this project's console, signing in on first use. */
  sessionOf: (user: DemoUser) => Promise<string>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  login: async ({ page }, provide) => {
    await provide(new LoginPage(page));
  },
  user: [undefined, { option: true }],
  storageState: async ({ user, storageState, sessionOf }, provide) => {
    await provide(user ? await sessionOf(user) : storageState);
  },
  pageAs: async ({ browser, sessionOf }, provide) => {
    const contexts: { close(): Promise<void> }[] = [];
    await provide(async (user) => {
      const context = await browser.newContext({ storageState: await sessionOf(user) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  // Each project has its own console and database, hence its own sessions. A session is created once
  // per user and worker (a worker lives for the whole run unless a test fails), by signing in as a user does.
  sessionOf: [
    async ({ browser }, provide, workerInfo) => {
      const { sessions } = workerInfo.project.metadata as E2eTarget;
      const baseURL = workerInfo.project.use.baseURL;
      const files = new Map<DemoUser, Promise<string>>();
      async function signIn(user: DemoUser): Promise<string> {
        const file = `${sessions}/${user}.json`;
        mkdirSync(sessions, { recursive: true });
        const context = await browser.newContext({ baseURL, storageState: undefined });
        try {
          const page = await context.newPage();
          const login = new LoginPage(page);
          // To a page that reads only the console's database: faults a test left on the cloud cannot get in the way.
          await login.goto("/login?callbackUrl=%2Fbatches");
          await login.signIn(user);
          await expect(page).toHaveURL(/\/batches$/);
          await context.storageState({ path: file });
        } finally {
          await context.close();
        }
        return file;
      }
      await provide((user) => {
        if (!files.has(user)) files.set(user, signIn(user));
        return files.get(user) as Promise<string>;
      });
    },
    { scope: "worker" },
  ],
});

/** A read-only query on the console's own database (the e2e server's SQLite file). */
export async function query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return queryFile<T>(target().database, sql, ...params);
}

/** The same on another console's SQLite file. */
export async function queryFile<T>(file: string, sql: string, ...params: unknown[]): Promise<T[]> {
  const { default: SQLite } = await import("better-sqlite3");
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export async function countSessions(userName: string): Promise<number> {
  const [row] = await query<{ n: number }>("select count(*) as n from sessions where user_name = ?", userName);
  return row.n;
}

/** The sequence number of a user's newest audit event (0 for none): `lastAudit(user, mark)` then sees only later ones. */
export async function auditMark(userName: string): Promise<number> {
  const [row] = await query<{ seq: number | null }>(
    "select max(seq) as seq from audit_events where user_name = ?",
    userName,
  );
  return Number(row.seq ?? 0);
}

/**
 * The newest audit event of a user, of those after `after` (a mark), of one `action` if given: a test
 * that waits for an event of its own marks first, since with stored sessions the newest event may be an
 * earlier test's (or a leftover batch's that its tracker finishes in the background).
 */
export async function lastAudit(userName: string, after = 0, action?: string) {
  const [row] = await query<{
    action: string;
    outcome: string;
    images: string;
    pairs: string;
    input: string;
    error_code: string | null;
  }>(
    "select action, outcome, images, pairs, input, error_code from audit_events where user_name = ? and seq > ? and (? is null or action = ?) order by seq desc limit 1",
    userName,
    after,
    action ?? null,
    action ?? null,
  );
  return row;
}

/** The audit actions recorded for a user, oldest first. */
export async function auditActions(userName: string): Promise<string[]> {
  const rows = await query<{ action: string }>(
    "select action from audit_events where user_name = ? order by seq",
    userName,
  );
  return rows.map((r) => r.action);
}

export { expect };
