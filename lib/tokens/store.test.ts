import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { DEMO_KEYS } from "@/emulator/seed/demo";
import { decryptToken, deriveTokenKey, encryptToken } from "@/lib/auth/crypto";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { hashSecret, SECRET_PATTERN } from "./secret";
import { authenticate, createToken, listTokens, listUses, recordUse, revokeToken, USES_KEPT } from "./store";

const DAY = 86_400_000;
const T0 = Date.parse("2026-12-01T00:00:00Z");
const ALICE = {
  accountId: "ac0e0000000000000000000000000001",
  accountName: "acme",
  userId: "a11ce000000000000000000000000001",
  userName: "alice",
  projectId: "ac0e00000000000000000000000000a1",
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
  canWrite: true,
  roles: ["te_admin"],
};
const AUDREY = {
  ...ALICE,
  userId: "a0d1e000000000000000000000000001",
  userName: "audrey",
  canWrite: false,
  roles: ["readonly"],
};
const BOB = { ...ALICE, accountId: "610be000000000000000000000000001", userId: "b0b00000000000000000000000000001" };

const refusal = (r: Awaited<ReturnType<typeof authenticate>>) => {
  if (!("refused" in r)) throw new Error("the token was accepted");
  return { code: r.refused.error.code, text: r.refused.error.text };
};

describe.each(backends)("API tokens on $name", (backend) => {
  let db: Kysely<Database>;
  onMigratedDatabase(backend, (opened) => (db = opened));

  it("gives the secret once and keeps only its hash and prefix; the secret authenticates as its user and project", async () => {
    const { token, secret } = await createToken(db, ALICE, { name: "ci", access: "write", expiresInDays: 30 }, T0);
    expect(secret).toMatch(SECRET_PATTERN);
    expect(token).toMatchObject({ name: "ci", access: "write", prefix: secret.slice(0, 9), status: "active" });
    expect(token.expiresAt).toBe(T0 + 30 * DAY);
    const row = await db.selectFrom("api_tokens").selectAll().where("id", "=", token.id).executeTakeFirstOrThrow();
    expect(row.hash).toBe(hashSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const ok = await authenticate(db, secret, T0 + DAY);
    expect(ok).toEqual({
      token: {
        id: token.id,
        name: "ci",
        access: "write",
        account_id: ALICE.accountId,
        account_name: "acme",
        user_id: ALICE.userId,
        user_name: "alice",
        project_id: ALICE.projectId,
        project_name: "ap-southeast-1",
        region: "ap-southeast-1",
        expiresAt: T0 + 30 * DAY,
        roles: ["te_admin"],
      },
    });
    expect(token).toMatchObject({ credentials: "session", accessKeyPrefix: null });
  });

  it("keeps an entrusted key: the AK in clear, the SK encrypted as IAM tokens are, never shown; the secret gives the pair back", async () => {
    const key = DEMO_KEYS.alice;
    const input = { name: "ci", access: "read", expiresInDays: 30, entrusted: key } as const;
    const { token, secret } = await createToken(db, ALICE, input, T0);
    expect(token).toMatchObject({ credentials: "access_key", accessKeyPrefix: "ACME…" });
    const row = await db.selectFrom("api_tokens").selectAll().where("id", "=", token.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ credentials: "access_key", access_key: key.ak, roles: '["te_admin"]' });
    expect(row.secret_key_ciphertext).not.toBe(key.sk);
    expect(JSON.stringify(row)).not.toContain(key.sk);
    expect(decryptToken(row.secret_key_ciphertext!, deriveTokenKey(env.AUTH_SECRET))).toBe(key.sk);
    const listed = JSON.stringify(await listTokens(db, ALICE, T0));
    expect(listed).not.toContain(key.sk);
    expect(listed).not.toContain(key.ak);
    expect(await authenticate(db, secret, T0 + DAY)).toMatchObject({
      token: { id: token.id, account_name: "acme", roles: ["te_admin"], entrusted: { ak: key.ak, sk: key.sk } },
    });
  });

  it("refuses a token whose key no longer decrypts (AUTH_SECRET changed), saying so", async () => {
    const input = { name: "ci", access: "read", expiresInDays: 30, entrusted: DEMO_KEYS.alice } as const;
    const { token, secret } = await createToken(db, ALICE, input, T0);
    const other = encryptToken(DEMO_KEYS.alice.sk, deriveTokenKey("another-secret-another-secret-another-secret"));
    await db.updateTable("api_tokens").set({ secret_key_ciphertext: other }).where("id", "=", token.id).execute();
    const refused = await authenticate(db, secret, T0 + DAY);
    expect(refusal(refused)).toEqual({ code: "invalid_token", text: { key: "tokens.errors.keyUnreadable" } });
    expect(refused).toMatchObject({ tokenId: token.id });
  });

  it("makes a different secret every time", async () => {
    const a = await createToken(db, ALICE, { name: "a", access: "read", expiresInDays: 1 }, T0);
    const b = await createToken(db, ALICE, { name: "a", access: "read", expiresInDays: 1 }, T0);
    expect(a.secret).not.toBe(b.secret);
  });

  it("refuses a read-only IAM user a write token, and gives them a read token", async () => {
    const refused = createToken(db, AUDREY, { name: "w", access: "write", expiresInDays: 7 }, T0);
    await expect(refused).rejects.toBeInstanceOf(UserError);
    await expect(refused).rejects.toMatchObject({
      error: {
        code: "forbidden",
        text: { key: "tokens.errors.readOnlyUser" },
        fieldErrors: { access: expect.any(Array) },
      },
    });
    const { token } = await createToken(db, AUDREY, { name: "r", access: "read", expiresInDays: 7 }, T0);
    expect(token.access).toBe("read");
  });

  it("refuses an unknown, an expired and a revoked secret, each with its own sentence", async () => {
    const unknown = refusal(await authenticate(db, `imsh_${"x".repeat(40)}`, T0));
    expect(unknown).toEqual({ code: "invalid_token", text: { key: "tokens.errors.unknown" } });

    const short = await createToken(db, ALICE, { name: "short", access: "read", expiresInDays: 1 }, T0);
    expect("token" in (await authenticate(db, short.secret, T0 + DAY - 1))).toBe(true);
    expect(refusal(await authenticate(db, short.secret, T0 + DAY))).toEqual({
      code: "invalid_token",
      text: { key: "tokens.errors.expired", values: { at: "2026-12-02 00:00" } },
    });

    const gone = await createToken(db, ALICE, { name: "gone", access: "read", expiresInDays: 90 }, T0);
    await revokeToken(db, ALICE, gone.token.id, T0 + 3_600_000);
    const revoked = await authenticate(db, gone.secret, T0 + 2 * 3_600_000);
    expect(refusal(revoked)).toEqual({
      code: "invalid_token",
      text: { key: "tokens.errors.revoked", values: { at: "2026-12-01 01:00" } },
    });
    expect(revoked).toMatchObject({ tokenId: gone.token.id });
  });

  it("revokes once: a second revoke keeps the first time and name; another user's or account's token is not found", async () => {
    const { token } = await createToken(db, ALICE, { name: "once", access: "read", expiresInDays: 90 }, T0);
    const first = await revokeToken(db, ALICE, token.id, T0 + 10);
    expect(first).toMatchObject({ status: "revoked", revokedAt: T0 + 10, revokedBy: "alice" });
    expect(await revokeToken(db, { ...ALICE, userName: "someone" }, token.id, T0 + 20)).toEqual(first);
    for (const other of [AUDREY, BOB])
      await expect(revokeToken(db, other, token.id, T0)).rejects.toMatchObject({
        error: { code: "not_found", text: { key: "tokens.errors.notFound" } },
      });
    await expect(listUses(db, BOB, token.id)).rejects.toMatchObject({ error: { code: "not_found" } });
  });

  it("lists only the user's own tokens in the account, newest first, with their status", async () => {
    const owner = { ...ALICE, userId: "11570000000000000000000000000001" };
    await createToken(db, owner, { name: "old", access: "read", expiresInDays: 1 }, T0);
    const { token: newer } = await createToken(db, owner, { name: "new", access: "write", expiresInDays: 90 }, T0 + 1);
    await revokeToken(db, owner, newer.id, T0 + 2);
    await createToken(
      db,
      { ...owner, accountId: BOB.accountId },
      { name: "bobs", access: "read", expiresInDays: 9 },
      T0,
    );
    const listed = await listTokens(db, owner, T0 + 2 * DAY);
    expect(listed.map((t) => [t.name, t.status])).toEqual([
      ["new", "revoked"],
      ["old", "expired"],
    ]);
  });

  it("counts every use, keeps the newest 200, and lists them newest first", async () => {
    const { token } = await createToken(db, ALICE, { name: "busy", access: "read", expiresInDays: 90 }, T0);
    for (let i = 0; i < USES_KEPT + 5; i++)
      await recordUse(db, token.id, { at: T0 + i, method: "GET", path: `/api/v1/images?i=${i}`, status: 200 });
    await recordUse(db, token.id, { at: T0 + 1_000, method: "POST", path: "/api/v1/batches", status: 403 });
    const [view] = (await listTokens(db, ALICE, T0)).filter((t) => t.id === token.id);
    expect(view).toMatchObject({ uses: USES_KEPT + 6, lastUsedAt: T0 + 1_000 });
    const stored = await db
      .selectFrom("api_token_uses")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("token_id", "=", token.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(USES_KEPT);
    const uses = await listUses(db, ALICE, token.id, 3);
    expect(uses).toEqual([
      { at: T0 + 1_000, method: "POST", path: "/api/v1/batches", status: 403 },
      { at: T0 + USES_KEPT + 4, method: "GET", path: `/api/v1/images?i=${USES_KEPT + 4}`, status: 200 },
      { at: T0 + USES_KEPT + 3, method: "GET", path: `/api/v1/images?i=${USES_KEPT + 3}`, status: 200 },
    ]);
    const all = await listUses(db, ALICE, token.id, 500);
    expect(all.at(-1)?.at).toBe(T0 + 6);
  });
});
