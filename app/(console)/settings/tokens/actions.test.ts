import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import type { StoredSession } from "@/lib/auth/session-store";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

const mocks = vi.hoisted(() => ({ session: undefined as StoredSession | undefined, db: undefined as unknown }));
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  requireSession: async () => mocks.session,
}));
vi.mock("@/lib/db", () => ({ getDb: async () => mocks.db }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/localize/translator", async () => (await import("@/lib/localize/testing")).translatorsIn(() => "en"));

const ALICE: StoredSession = {
  ...ALICE_ACTOR,
  id: "s-alice",
  roles: ["te_admin"],
  token: "MIIalice",
  tokenExpiresAt: Date.now() + 3_600_000,
};
const AUDREY: StoredSession = {
  ...ALICE,
  id: "s-audrey",
  userId: "ac0e0000000000000000000000000e02",
  userName: "audrey",
  roles: ["readonly"],
};

const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};

describe("the API token actions", () => {
  let db: Kysely<Database>;
  onMigratedDatabase(backends[0], (opened) => (db = opened));
  beforeEach(() => {
    mocks.db = db;
    mocks.session = ALICE;
  });
  const lastEvent = async () =>
    (await db.selectFrom("audit_events").selectAll().orderBy("seq", "desc").executeTakeFirst())!;

  it("creates a token, answers its secret once, and audits it without the secret", async () => {
    const r = await createApiTokenAction(null, form({ name: "nightly", access: "write", expiresInDays: "30" }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.secret).toMatch(/^imsh_[0-9A-Za-z]{40}$/);
    const event = await lastEvent();
    expect(event).toMatchObject({
      action: "api_token_created",
      source: "console",
      outcome: "succeeded",
      user_name: "alice",
    });
    expect(event.input).not.toContain(r.data.secret);
    expect(JSON.parse(event.input)).toEqual({
      input: { name: "nightly", access: "write", expiresInDays: 30, credentials: "session" },
      created: {
        id: r.data.id,
        prefix: r.data.secret.slice(0, 9),
        expiresAt: expect.any(Number),
        credentials: "session",
      },
    });
  });

  it("refuses a read-only user a write token on its field, and makes them a read token", async () => {
    mocks.session = AUDREY;
    const refused = await createApiTokenAction(null, form({ name: "w", access: "write", expiresInDays: "90" }));
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: "forbidden",
        fieldErrors: { access: ["Your IAM user is read-only: it can create read-only tokens only."] },
      },
    });
    expect(await createApiTokenAction(null, form({ name: "r", access: "read", expiresInDays: "90" }))).toMatchObject({
      ok: true,
    });
  });

  it("refuses a lifetime outside 1 to 365 days and a name of control characters", async () => {
    const r = await createApiTokenAction(null, form({ name: "a\u0007b", access: "read", expiresInDays: "366" }));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "invalid_input",
        fieldErrors: {
          name: ["Give the token a name of 1 to 64 characters, without control characters."],
          expiresInDays: ["Choose how long the token lasts: 1 to 365 days."],
        },
      },
    });
  });

  it("asks an entrusted key for its AK and SK, typing back the choice and the AK but never the SK", async () => {
    const sk = "aliceDemoSecretKey0000000000000000000001";
    const r = await createApiTokenAction(
      null,
      form({ name: "ci", access: "read", credentials: "access_key", accessKey: "ACME 0", secretKey: sk }),
    );
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "invalid_input",
        fieldErrors: { accessKey: ["Enter the access key ID (AK): 16 to 64 letters and digits."] },
      },
      values: { name: "ci", credentials: "access_key", accessKey: "ACME 0" },
    });
    expect(JSON.stringify(r)).not.toContain(sk);
    const missing = await createApiTokenAction(null, form({ name: "", access: "read", credentials: "access_key" }));
    expect(missing).toMatchObject({ ok: false, error: { fieldErrors: { name: expect.any(Array) } } });
    if (missing.ok) return;
    expect(Object.keys(missing.error.fieldErrors ?? {}).sort()).toEqual(["accessKey", "name", "secretKey"]);
    // A session token ignores key fields it was sent.
    const session = await createApiTokenAction(
      null,
      form({ name: "s", access: "read", credentials: "session", accessKey: "x", secretKey: "y" }),
    );
    if (!session.ok) throw new Error(session.error.message);
    const row = await db.selectFrom("api_tokens").selectAll().where("id", "=", session.data.id).executeTakeFirst();
    expect(row).toMatchObject({ credentials: "session", access_key: null, secret_key_ciphertext: null });
  });

  it("revokes the user's own token, audited; another user's token is not found", async () => {
    const made = await createApiTokenAction(null, form({ name: "short", access: "read", expiresInDays: "7" }));
    if (!made.ok) throw new Error(made.error.message);
    mocks.session = AUDREY;
    expect(await revokeApiTokenAction(null, form({ id: made.data.id }))).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "You have no such token. Refresh the page." },
    });
    mocks.session = ALICE;
    expect(await revokeApiTokenAction(null, form({ id: made.data.id }))).toEqual({ ok: true, data: { name: "short" } });
    expect(await lastEvent()).toMatchObject({ action: "api_token_revoked", outcome: "succeeded", user_name: "alice" });
  });
});
