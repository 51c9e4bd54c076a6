import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { openSecret, sealSecret } from "@/lib/auth/store";
import type { AccessKeyPair } from "@/lib/cloud/signer";
import type { ApiAccess, ApiCredentials, ApiTokensTable, Database } from "@/lib/db/types";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import type { CreateApiTokenInput } from "./form";
import { accessKeyPrefix, hashSecret, newSecret, prefixOf } from "./secret";

type Db = Kysely<Database>;
const DAY_MS = 86_400_000;

/** Uses kept per token: the newest ones. */
export const USES_KEPT = 200;

/** Whose tokens: one user of one account. Another user's or account's token is never found. */
interface TokenOwner {
  accountId: string;
  userId: string;
}

/** Who a token is made for and where it acts: the creating session's user and project. */
interface TokenCreator extends TokenOwner {
  accountName: string;
  userName: string;
  projectId: string;
  projectName: string;
  region: string;
  /** False for a read-only IAM user (`canChange`), whose tokens can only read. */
  canWrite: boolean;
  /** The session's IAM roles, which a token with an entrusted key keeps and acts with. */
  roles: string[];
}

/** A token to make: the form's fields, and the access key it acts with if the user entrusted one. */
type NewToken = Pick<CreateApiTokenInput, "name" | "access" | "expiresInDays"> & {
  /** Checked first (`checkEntrustedKey`): a working key of the creator's own IAM user. */
  entrusted?: AccessKeyPair;
};

type TokenStatus = "active" | "expired" | "revoked";

/** A token as Settings lists it: never its secret or hash. */
export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  access: ApiAccess;
  credentials: ApiCredentials;
  /** The entrusted AK's first characters (`ACME…`), never the whole key; null for a session token. */
  accessKeyPrefix: string | null;
  projectId: string;
  projectName: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  revokedBy: string | null;
  lastUsedAt: number | null;
  uses: number;
  status: TokenStatus;
}

/** One recorded request of a token. */
export interface ApiTokenUse {
  at: number;
  method: string;
  path: string;
  status: number;
}

function statusOf(row: Pick<ApiTokensTable, "revoked_at" | "expires_at">, now: number): TokenStatus {
  if (row.revoked_at !== null) return "revoked";
  return Number(row.expires_at) <= now ? "expired" : "active";
}

function viewOf(row: ApiTokensTable, now: number): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    access: row.access,
    credentials: row.credentials,
    accessKeyPrefix: row.access_key === null ? null : accessKeyPrefix(row.access_key),
    projectId: row.project_id,
    projectName: row.project_name,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    revokedBy: row.revoked_by_name,
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
    uses: Number(row.uses),
    status: statusOf(row, now),
  };
}

/**
 * Makes a token for the creator in their session's project. The secret is returned this once and only
 * its hash is kept, so a leaked database gives no working token. A read-only IAM user gets read tokens only.
 * An entrusted key is kept with its SK encrypted like the sessions' IAM tokens, and the session's roles.
 */
export async function createToken(
  db: Db,
  creator: TokenCreator,
  input: NewToken,
  now = Date.now(),
): Promise<{ token: ApiTokenView; secret: string }> {
  if (input.access === "write" && !creator.canWrite)
    throw new UserError("forbidden", text("tokens.errors.readOnlyUser"), "access");
  const secret = newSecret();
  const row: ApiTokensTable = {
    id: randomUUID(),
    account_id: creator.accountId,
    account_name: creator.accountName,
    user_id: creator.userId,
    user_name: creator.userName,
    project_id: creator.projectId,
    project_name: creator.projectName,
    region: creator.region,
    name: input.name,
    prefix: prefixOf(secret),
    hash: hashSecret(secret),
    access: input.access,
    created_at: now,
    expires_at: now + input.expiresInDays * DAY_MS,
    revoked_at: null,
    revoked_by_name: null,
    last_used_at: null,
    uses: 0,
    credentials: input.entrusted ? "access_key" : "session",
    access_key: input.entrusted?.ak ?? null,
    secret_key_ciphertext: input.entrusted ? sealSecret(input.entrusted.sk) : null,
    roles: JSON.stringify(creator.roles),
  };
  await db.insertInto("api_tokens").values(row).execute();
  return { token: viewOf(row, now), secret };
}

/** The user's tokens in the account, newest first, revoked and expired ones too (they say so). */
export async function listTokens(db: Db, owner: TokenOwner, now = Date.now()): Promise<ApiTokenView[]> {
  const rows = await db
    .selectFrom("api_tokens")
    .selectAll()
    .where("account_id", "=", owner.accountId)
    .where("user_id", "=", owner.userId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map((r) => viewOf(r, now));
}

async function ownToken(db: Db, owner: TokenOwner, id: string): Promise<ApiTokensTable> {
  const row = await db
    .selectFrom("api_tokens")
    .selectAll()
    .where("id", "=", id)
    .where("account_id", "=", owner.accountId)
    .where("user_id", "=", owner.userId)
    .executeTakeFirst();
  // Another user's token is refused as one that does not exist: ids tell nobody anything.
  if (!row) throw new UserError("not_found", text("tokens.errors.notFound"));
  return row;
}

/**
 * Revokes one of the user's own tokens from its next request on. Revoking a revoked token changes
 * nothing (the first revocation's time and name stay), so a retried click is harmless.
 */
export async function revokeToken(
  db: Db,
  owner: TokenOwner & { userName: string },
  id: string,
  now = Date.now(),
): Promise<ApiTokenView> {
  const row = await ownToken(db, owner, id);
  if (row.revoked_at !== null) return viewOf(row, now);
  await db
    .updateTable("api_tokens")
    .set({ revoked_at: now, revoked_by_name: owner.userName })
    .where("id", "=", row.id)
    .where("revoked_at", "is", null)
    .execute();
  return viewOf(await ownToken(db, owner, id), now);
}

/** A token that passed `authenticate`: who it acts for and where, and with the key it was entrusted, if any. */
export type AuthenticatedToken = Pick<
  ApiTokensTable,
  | "id"
  | "name"
  | "access"
  | "account_id"
  | "account_name"
  | "user_id"
  | "user_name"
  | "project_id"
  | "project_name"
  | "region"
> & { expiresAt: number; roles: string[]; entrusted?: AccessKeyPair };

const isoAt = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

/**
 * The token a secret stands for, found by its hash, with its entrusted key decrypted. Refused with
 * `invalid_token` when no token has that hash, or it was revoked, or it expired, or its key can no longer
 * be decrypted (AUTH_SECRET changed), each with its own sentence. Whatever account a token belongs to, a
 * secret nobody has is refused with the same sentence as any mistyped one.
 */
export async function authenticate(
  db: Db,
  secret: string,
  now = Date.now(),
): Promise<{ token: AuthenticatedToken } | { refused: UserError; tokenId?: string }> {
  const row = await db.selectFrom("api_tokens").selectAll().where("hash", "=", hashSecret(secret)).executeTakeFirst();
  if (!row) return { refused: new UserError("invalid_token", text("tokens.errors.unknown")) };
  if (row.revoked_at !== null)
    return {
      refused: new UserError("invalid_token", text("tokens.errors.revoked", { at: isoAt(Number(row.revoked_at)) })),
      tokenId: row.id,
    };
  if (Number(row.expires_at) <= now)
    return {
      refused: new UserError("invalid_token", text("tokens.errors.expired", { at: isoAt(Number(row.expires_at)) })),
      tokenId: row.id,
    };
  let entrusted: AccessKeyPair | undefined;
  if (row.access_key !== null && row.secret_key_ciphertext !== null) {
    try {
      entrusted = { ak: row.access_key, sk: openSecret(row.secret_key_ciphertext) };
    } catch {
      return { refused: new UserError("invalid_token", text("tokens.errors.keyUnreadable")), tokenId: row.id };
    }
  }
  const { id, name, access, account_id, account_name, user_id, user_name, project_id, project_name, region } = row;
  const who = { id, name, access, account_id, account_name, user_id, user_name, project_id, project_name, region };
  const roles = JSON.parse(row.roles) as string[];
  return { token: { ...who, expiresAt: Number(row.expires_at), roles, ...(entrusted && { entrusted }) } };
}

/**
 * Records one request made with a token, whatever its answer: the count and last use on the token, the
 * request in its uses, of which only the newest `USES_KEPT` stay.
 */
export async function recordUse(db: Db, tokenId: string, use: ApiTokenUse): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("api_tokens")
      .set({ uses: sql`uses + 1`, last_used_at: use.at })
      .where("id", "=", tokenId)
      .execute();
    await tx
      .insertInto("api_token_uses")
      .values({ id: randomUUID(), token_id: tokenId, ...use, path: use.path.slice(0, 500) })
      .execute();
    const kept = tx
      .selectFrom("api_token_uses")
      .select("id")
      .where("token_id", "=", tokenId)
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(USES_KEPT);
    await tx.deleteFrom("api_token_uses").where("token_id", "=", tokenId).where("id", "not in", kept).execute();
  });
}

/** The newest uses of one of the user's own tokens; another's is not found. */
export async function listUses(db: Db, owner: TokenOwner, id: string, limit = 50): Promise<ApiTokenUse[]> {
  const token = await ownToken(db, owner, id);
  const rows = await db
    .selectFrom("api_token_uses")
    .select(["at", "method", "path", "status"])
    .where("token_id", "=", token.id)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ at: Number(r.at), method: r.method, path: r.path, status: Number(r.status) }));
}
