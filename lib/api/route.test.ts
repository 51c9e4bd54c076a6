import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { revokeToken } from "@/lib/tokens/store";
import { apiRoute } from "./route";
import { callApi, PEOPLE, signIn, tokenOf } from "./testing";

const mocks = vi.hoisted(() => ({ db: undefined as unknown, cookieSession: undefined as string | undefined }));
vi.mock("@/lib/db", () => ({ getDb: async () => mocks.db }));
// A browser's session cookie, were anything to read it: the API must not.
vi.mock("@/lib/auth", () => ({ auth: async () => (mocks.cookieSession ? { sid: mocks.cookieSession } : null) }));

const read = apiRoute(
  { access: "read", audit: false, schema: z.object({ n: z.coerce.number().int().max(9) }) },
  async (input, ctx) => ({ n: input.n, user: ctx.session.userName, token: ctx.token.name, iam: ctx.scope.token }),
);
const write = apiRoute(
  { access: "write", audit: "test_change", schema: z.object({ image: z.string().min(1) }) },
  async (input, ctx) => {
    ctx.note({ images: [input.image] });
    return { changed: input.image };
  },
);
const file = apiRoute({ access: "read", audit: false }, async () => new Response("a,b\r\n", { status: 200 }));

const errorOf = (r: { body: unknown }) => (r.body as { error: { code: string; message: string } }).error;

describe("apiRoute", () => {
  let db: Kysely<Database>;
  onMigratedDatabase(backends[0], (opened) => (db = opened));
  beforeEach(async () => {
    mocks.db = db;
    mocks.cookieSession = undefined;
    await db.deleteFrom("sessions").execute();
  });
  const uses = (tokenId: string) =>
    db.selectFrom("api_token_uses").select(["method", "path", "status"]).where("token_id", "=", tokenId).execute();
  const events = () => db.selectFrom("audit_events").selectAll().orderBy("seq").execute();

  it("answers a request without a bearer token 401, explaining the header, in the reader's language; a session cookie does not count", async () => {
    mocks.cookieSession = await signIn("alice", "MIIalice");
    const none = await callApi(read, "/api/v1/test?n=1");
    expect(none.status).toBe(401);
    expect(errorOf(none)).toEqual({
      code: "invalid_token",
      message:
        "Send a personal access token in the Authorization header: “Authorization: Bearer imsh_…”. Create one on Settings → API tokens.",
    });
    const basic = await callApi(read, "/api/v1/test?n=1", { headers: { authorization: "Basic YWxpY2U6eA==" } });
    expect(errorOf(basic)).toEqual(errorOf(none));
    const zh = await callApi(read, "/api/v1/test?n=1", { headers: { "accept-language": "zh-CN,zh;q=0.9" } });
    expect(errorOf(zh).message).toMatch(/^请在 Authorization 请求头中发送个人访问令牌/);
    expect(none.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses an unknown secret and an IAM token given as one with the same sentence", async () => {
    const unknown = await callApi(read, "/api/v1/test?n=1", { secret: `imsh_${"A".repeat(40)}` });
    const iam = await callApi(read, "/api/v1/test?n=1", {
      secret: "MIIEhQYJKoZIhvcNAQcCoIIEdjCCBHICAQExDTALBglghkgBZQMEAgEw",
    });
    expect(unknown.status).toBe(401);
    expect(errorOf(unknown)).toEqual({
      code: "invalid_token",
      message: "This token is not valid. Check that it was copied whole, or create a new one on Settings → API tokens.",
    });
    expect(errorOf(iam)).toEqual(errorOf(unknown));
  });

  it("refuses a revoked and an expired token with their own sentences, and records the attempt on the token", async () => {
    await signIn("alice", "MIIalice");
    const revoked = await tokenOf(db, "alice", "read");
    await revokeToken(
      db,
      { accountId: PEOPLE.alice.account, userId: PEOPLE.alice.user, userName: "alice" },
      revoked.id,
    );
    const r = await callApi(read, "/api/v1/test?n=1", { secret: revoked.secret });
    expect(r.status).toBe(401);
    expect(errorOf(r).message).toMatch(/^This token was revoked at \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\)\./);
    expect(await uses(revoked.id)).toEqual([{ method: "GET", path: "/api/v1/test?n=1", status: 401 }]);

    const expired = await tokenOf(db, "alice", "read");
    await db
      .updateTable("api_tokens")
      .set({ expires_at: Date.now() - 1 })
      .where("id", "=", expired.id)
      .execute();
    const e = await callApi(read, "/api/v1/test?n=1", { secret: expired.secret });
    expect(e.status).toBe(401);
    expect(errorOf(e).message).toMatch(/^This token expired at /);
  });

  it("answers session_expired naming the user and project when the token's user has no live session in its project", async () => {
    const { secret, id } = await tokenOf(db, "alice", "read");
    await signIn("alice", "MIIelsewhere", { project: "ac0e00000000000000000000000000c4" });
    await signIn("alice", "MIIexpired", { expiresInMs: 30_000 });
    const r = await callApi(read, "/api/v1/test?n=1", { secret });
    expect(r.status).toBe(401);
    expect(errorOf(r)).toEqual({
      code: "session_expired",
      message:
        "The token's user alice has no live console session in project ap-southeast-1. Sign in to the console in that project again, then repeat the request.",
    });
    expect(await uses(id)).toEqual([{ method: "GET", path: "/api/v1/test?n=1", status: 401 }]);
  });

  it("runs a read with the user's newest session in the project, answers {data}, and records the use", async () => {
    await signIn("alice", "MIIolder", { expiresInMs: 600_000 });
    await signIn("alice", "MIInewest", { expiresInMs: 3_600_000 });
    const { secret, id } = await tokenOf(db, "alice", "read");
    const r = await callApi(read, "/api/v1/test?n=3", { secret });
    expect(r).toMatchObject({
      status: 200,
      body: { data: { n: 3, user: "alice", token: "alice-read", iam: "MIInewest" } },
    });
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await uses(id)).toEqual([{ method: "GET", path: "/api/v1/test?n=3", status: 200 }]);
    const [token] = await db.selectFrom("api_tokens").select(["uses", "last_used_at"]).where("id", "=", id).execute();
    expect(Number(token.uses)).toBe(1);
    expect(Number(token.last_used_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(await events()).toEqual([]);
  });

  it("refuses input its schema does not take with field errors, and bad or oversized JSON, recording each use", async () => {
    await signIn("alice", "MIIalice");
    const { secret, id } = await tokenOf(db, "alice", "write");
    const big = await callApi(read, "/api/v1/test?n=42", { secret });
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({ error: { code: "invalid_input", fieldErrors: { n: [expect.any(String)] } } });
    const bad = await callApi(write, "/api/v1/test", { secret, method: "POST", body: "{not json" });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toBe(
      "The request body is not valid JSON. Send a JSON object with Content-Type: application/json.",
    );
    const huge = await callApi(write, "/api/v1/test", { secret, method: "POST", body: { image: "x".repeat(3 << 20) } });
    expect(huge.status).toBe(400);
    expect(errorOf(huge).message).toBe("The request body is over 2 MB. Send less.");
    expect((await uses(id)).map((u) => u.status)).toEqual([400, 400, 400]);
    expect(await events()).toEqual([]);
  });

  it("refuses a change to a read token, naming its access, and records the refusal as an API event", async () => {
    await signIn("alice", "MIIalice");
    const { secret, id } = await tokenOf(db, "alice", "read");
    const r = await callApi(write, "/api/v1/test", { secret, method: "POST", body: { image: "img-1" } });
    expect(r.status).toBe(403);
    expect(errorOf(r)).toEqual({
      code: "forbidden",
      message: "This token has read access and this request makes a change. Use a token with write access.",
    });
    expect(await uses(id)).toEqual([{ method: "POST", path: "/api/v1/test", status: 403 }]);
    const [event] = await events();
    expect(event).toMatchObject({ action: "test_change", source: "api", outcome: "failed", error_code: "forbidden" });
  });

  it("refuses a change to a read-only IAM user's write token", async () => {
    await signIn("audrey", "MIIaudrey");
    const { secret } = await tokenOf(db, "audrey", "write", true);
    const r = await callApi(write, "/api/v1/test", { secret, method: "POST", body: { image: "img-1" } });
    expect(r.status).toBe(403);
    expect(errorOf(r).message).toBe(
      "The token's IAM user is read-only: it can read through the API but not change anything.",
    );
  });

  it("audits a change as source api in the token's user's name, with the token's name and id", async () => {
    await signIn("alice", "MIIalice");
    const { secret, id } = await tokenOf(db, "alice", "write");
    const before = (await events()).length;
    const r = await callApi(write, "/api/v1/test", { secret, method: "POST", body: { image: "img-1" } });
    expect(r).toMatchObject({ status: 200, body: { data: { changed: "img-1" } } });
    const event = (await events())[before];
    expect(event).toMatchObject({
      action: "test_change",
      source: "api",
      outcome: "succeeded",
      user_name: "alice",
      project_id: PEOPLE.alice.project,
      images: JSON.stringify(["img-1"]),
    });
    expect(JSON.parse(event.input)).toEqual({ input: { image: "img-1" }, api: { id, name: "alice-write" } });
  });

  it("passes a route's own Response through (a file) and records its status", async () => {
    await signIn("alice", "MIIalice");
    const { secret, id } = await tokenOf(db, "alice", "read");
    const r = await callApi(file, "/api/v1/file", { secret });
    expect(r).toMatchObject({ status: 200, body: "a,b\r\n" });
    expect(await uses(id)).toEqual([{ method: "GET", path: "/api/v1/file", status: 200 }]);
  });
});
