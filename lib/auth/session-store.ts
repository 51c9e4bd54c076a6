import type { Kysely } from "kysely";
import type { TokenBody } from "@/lib/cloud/schemas/iam";
import type { Database, SessionRow } from "@/lib/db/types";
import { decryptToken, encryptToken, newSessionId } from "./crypto";

/** A signed-in user's session with the IAM token decrypted, for server code only. */
export interface StoredSession {
  id: string;
  userId: string;
  userName: string;
  accountId: string;
  accountName: string;
  projectId: string;
  projectName: string;
  region: string;
  roles: string[];
  token: string;
  tokenExpiresAt: number;
}

function fields(token: string, body: TokenBody, key: Buffer, now: number) {
  const project = body.project;
  if (!project) throw new Error("the token is not scoped to a project");
  return {
    user_id: body.user.id,
    user_name: body.user.name,
    account_id: body.user.domain.id,
    account_name: body.user.domain.name,
    project_id: project.id,
    project_name: project.name,
    region: project.name.split("_")[0],
    roles: JSON.stringify(body.roles.map((r) => r.name)),
    token_ciphertext: encryptToken(token, key),
    token_expires_at: Date.parse(body.expires_at),
    updated_at: now,
  };
}

/** The sessions table: the IAM token lives here encrypted, keyed by the id in the cookie. */
export class SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly key: Buffer,
  ) {}

  async create(token: string, body: TokenBody, now = Date.now()): Promise<string> {
    const id = newSessionId();
    await this.db
      .insertInto("sessions")
      .values({ id, created_at: now, ...fields(token, body, this.key, now) })
      .execute();
    await this.learnProject(body, now);
    return id;
  }

  /** Remembers whose project this is: a recipient's answer is told to the owner's account (lib/notify). */
  private async learnProject(body: TokenBody, now: number): Promise<void> {
    const project = body.project;
    if (!project) return;
    const values = {
      account_id: body.user.domain.id,
      account_name: body.user.domain.name,
      project_name: project.name,
      region: project.name.split("_")[0],
      updated_at: now,
    };
    await this.db
      .insertInto("project_accounts")
      .values({ project_id: project.id, ...values })
      .onConflict((oc) => oc.column("project_id").doUpdateSet(values))
      .execute();
  }

  /** Replaces the token (project switch); false when the session no longer exists. */
  async replaceToken(id: string, token: string, body: TokenBody, now = Date.now()): Promise<boolean> {
    await this.learnProject(body, now);
    const res = await this.db
      .updateTable("sessions")
      .set(fields(token, body, this.key, now))
      .where("id", "=", id)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  async get(id: string): Promise<StoredSession | undefined> {
    const row = await this.db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? this.toSession(row) : undefined;
  }

  /**
   * The user's sessions whose token is valid for at least `marginMs` more and was stored after
   * `notBefore` (a sign-in after a batch began to wait), longest-lived first, in `projectId` when given:
   * what work done on the user's behalf (batch tracking, an API token) may use.
   */
  async validFor(
    userId: string,
    accountId: string,
    opts: { now?: number; marginMs?: number; notBefore?: number | null; projectId?: string } = {},
  ): Promise<StoredSession[]> {
    const now = opts.now ?? Date.now();
    let q = this.db
      .selectFrom("sessions")
      .selectAll()
      .where("user_id", "=", userId)
      .where("account_id", "=", accountId)
      .where("token_expires_at", ">", now + (opts.marginMs ?? 60_000))
      .orderBy("token_expires_at", "desc")
      .limit(5);
    if (opts.notBefore) q = q.where("updated_at", ">", opts.notBefore);
    if (opts.projectId) q = q.where("project_id", "=", opts.projectId);
    const rows = await q.execute();
    return rows.flatMap((r) => this.toSession(r) ?? []);
  }

  /** Projects with at least one session valid for `marginMs` more: where background imports can run. */
  async activeProjects(
    opts: { now?: number; marginMs?: number } = {},
  ): Promise<{ accountId: string; projectId: string; projectName: string; region: string }[]> {
    const rows = await this.db
      .selectFrom("sessions")
      .select(["account_id", "project_id", "project_name", "region"])
      .where("token_expires_at", ">", (opts.now ?? Date.now()) + (opts.marginMs ?? 60_000))
      .groupBy(["account_id", "project_id", "project_name", "region"])
      .execute();
    return rows.map((r) => ({
      accountId: r.account_id,
      projectId: r.project_id,
      projectName: r.project_name,
      region: r.region,
    }));
  }

  /** The most recently used session of a project whose token is valid for `marginMs` more, if any. */
  async latestInProject(
    accountId: string,
    projectId: string,
    opts: { now?: number; marginMs?: number } = {},
  ): Promise<StoredSession | undefined> {
    const rows = await this.db
      .selectFrom("sessions")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("project_id", "=", projectId)
      .where("token_expires_at", ">", (opts.now ?? Date.now()) + (opts.marginMs ?? 60_000))
      .orderBy("updated_at", "desc")
      .limit(5)
      .execute();
    return rows.map((r) => this.toSession(r)).find((s) => s !== undefined);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", id).execute();
  }

  /** Forgets sessions whose token expired more than `graceMs` ago. */
  async purgeExpired(now = Date.now(), graceMs = 7 * 24 * 3600_000): Promise<number> {
    const res = await this.db
      .deleteFrom("sessions")
      .where("token_expires_at", "<", now - graceMs)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  private toSession(row: SessionRow): StoredSession | undefined {
    let token: string;
    try {
      token = decryptToken(row.token_ciphertext, this.key);
    } catch {
      return undefined;
    }
    return {
      id: row.id,
      userId: row.user_id,
      userName: row.user_name,
      accountId: row.account_id,
      accountName: row.account_name,
      projectId: row.project_id,
      projectName: row.project_name,
      region: row.region,
      roles: JSON.parse(row.roles) as string[],
      token,
      tokenExpiresAt: Number(row.token_expires_at),
    };
  }
}
