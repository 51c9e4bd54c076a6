import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAuditEvent } from "@/lib/audit/writer";
import { deriveTokenKey } from "@/lib/auth/crypto";
import { SessionStore } from "@/lib/auth/session-store";
import { lastSeenAt, markSeen } from "@/lib/inbox/seen";
import type { TokenBody } from "@/lib/cloud/schemas/iam";
import { migrate, openDatabase } from "./connect";
import { migrations } from "./migrations";
import { backends } from "./testing";
import type { Database } from "./types";

const tokenBody = (project = { id: "ac0e00000000000000000000000000a1", name: "ap-southeast-1" }): TokenBody => ({
  methods: ["password"],
  issued_at: "2026-11-22T10:00:00.000000Z",
  expires_at: "2026-11-23T10:00:00.000000Z",
  user: {
    id: "ac0e0000000000000000000000000e01",
    name: "alice",
    domain: { id: "ac0e0000000000000000000000000001", name: "acme" },
  },
  project: { ...project, domain: { id: "ac0e0000000000000000000000000001", name: "acme" } },
  roles: [{ id: "0", name: "te_admin" }],
});

const actor = {
  userId: "u1",
  userName: "alice",
  accountId: "a1",
  accountName: "acme",
  projectId: "p1",
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
};

describe.each(backends)("data layer on $name", (backend) => {
  let db: Kysely<Database>;
  let url: string;
  let cleanup: () => Promise<void>;
  const key = deriveTokenKey("unit-test-secret-unit-test-secret-unit-test");

  beforeAll(async () => {
    ({ db, url, cleanup } = await backend.open());
    await migrate(db);
  });
  afterAll(async () => {
    await db.destroy();
    await cleanup();
  });

  it("applies migrations once, and again without effect, even from a second connection", async () => {
    const second = await openDatabase(url);
    await Promise.all([migrate(db), migrate(second)]);
    await second.destroy();
    const rows = await db
      .selectFrom("kysely_migration" as never)
      .select(sql<string>`name`.as("name"))
      .execute();
    expect(rows.map((r) => (r as { name: string }).name)).toEqual(Object.keys(migrations));
  });

  it("stores the token encrypted and gives it back decrypted", async () => {
    const store = new SessionStore(db, key);
    const token = `MII${"x".repeat(3000)}`;
    const id = await store.create(token, tokenBody(), 1_000);
    const row = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.token_ciphertext).not.toContain("xxxx");
    expect(row.token_expires_at).toBe(Date.parse("2026-11-23T10:00:00Z"));
    expect(typeof row.token_expires_at).toBe("number");
    const session = await store.get(id);
    expect(session).toMatchObject({
      token,
      userName: "alice",
      accountName: "acme",
      projectName: "ap-southeast-1",
      region: "ap-southeast-1",
      roles: ["te_admin"],
    });
  });

  it("replaces the token on a project switch and deletes it on sign-out", async () => {
    const store = new SessionStore(db, key);
    const id = await store.create("MIIfirst", tokenBody());
    expect(
      await store.replaceToken(
        id,
        "MIIsecond",
        tokenBody({ id: "ac0e00000000000000000000000000c4", name: "cn-north-4" }),
      ),
    ).toBe(true);
    expect(await store.get(id)).toMatchObject({ token: "MIIsecond", projectName: "cn-north-4", region: "cn-north-4" });
    await store.delete(id);
    expect(await store.get(id)).toBeUndefined();
    expect(await store.replaceToken(id, "MIIthird", tokenBody())).toBe(false);
  });

  it("refuses a session whose ciphertext was altered or made with another secret", async () => {
    const store = new SessionStore(db, key);
    const id = await store.create("MIIsecret", tokenBody());
    expect(await new SessionStore(db, deriveTokenKey("another-secret-another-secret-another")).get(id)).toBeUndefined();
    const row = await db
      .selectFrom("sessions")
      .select("token_ciphertext")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const [v, iv, data, tag] = row.token_ciphertext.split(".");
    const flipped = Buffer.from(data, "base64url");
    flipped[0] ^= 1;
    await db
      .updateTable("sessions")
      .set({ token_ciphertext: [v, iv, flipped.toString("base64url"), tag].join(".") })
      .where("id", "=", id)
      .execute();
    expect(await store.get(id)).toBeUndefined();
  });

  it("purges sessions whose token expired past the grace period", async () => {
    const store = new SessionStore(db, key);
    const old = await store.create("MIIold", { ...tokenBody(), expires_at: "2020-01-01T00:00:00.000000Z" });
    const fresh = await store.create("MIIfresh", tokenBody());
    expect(await store.purgeExpired(Date.parse("2026-11-22T00:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await store.get(old)).toBeUndefined();
    expect(await store.get(fresh)).toBeDefined();
  });

  it("appends audit events in order, with secrets removed from the input", async () => {
    const first = await writeAuditEvent(db, {
      actor,
      action: "share",
      outcome: "partial",
      images: ["img-1"],
      targets: ["p2", "p3"],
      pairs: [
        { image: "img-1", target: "p2", outcome: "succeeded" },
        { image: "img-1", target: "p3", outcome: "failed", code: "IMG.0088" },
      ],
      input: { images: ["img-1"], password: "hunter2", nested: { token: "MIIabc", keep: 1 } },
      upstreamJobId: "job-1",
      durationMs: 12.6,
    });
    const second = await writeAuditEvent(db, { actor, action: "signed_out", outcome: "succeeded" });
    const rows = await db.selectFrom("audit_events").selectAll().orderBy("seq").execute();
    expect(rows.map((r) => r.id)).toEqual([first, second]);
    expect(rows[0].seq).toBeLessThan(rows[1].seq);
    expect(JSON.parse(rows[0].input)).toEqual({ images: ["img-1"], nested: { keep: 1 } });
    expect(JSON.parse(rows[0].pairs)).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      outcome: "partial",
      upstream_job_id: "job-1",
      duration_ms: 13,
      source: "console",
      account_name: "acme",
    });
  });

  it("remembers when each user last looked at each project's inbox, never moving back", async () => {
    expect(await lastSeenAt(db, "alice-id", "proj-a")).toBeUndefined();
    await markSeen(db, "alice-id", "proj-a", 1_000);
    expect(await lastSeenAt(db, "alice-id", "proj-a")).toBe(1_000);
    await markSeen(db, "alice-id", "proj-a", 1_763_800_000_000);
    expect(await lastSeenAt(db, "alice-id", "proj-a")).toBe(1_763_800_000_000);
    await markSeen(db, "alice-id", "proj-a", 5_000);
    expect(await lastSeenAt(db, "alice-id", "proj-a")).toBe(1_763_800_000_000);

    await markSeen(db, "alice-id", "proj-b", 2_000);
    await markSeen(db, "audrey-id", "proj-a", 3_000);
    expect(await lastSeenAt(db, "alice-id", "proj-b")).toBe(2_000);
    expect(await lastSeenAt(db, "audrey-id", "proj-a")).toBe(3_000);
    expect(await lastSeenAt(db, "alice-id", "proj-a")).toBe(1_763_800_000_000);
    expect(await db.selectFrom("inbox_views").select("user_id").execute()).toHaveLength(3);
  });

  it("lets two requests mark the same inbox at once", async () => {
    await Promise.all([
      markSeen(db, "bob-id", "proj-a", 10),
      markSeen(db, "bob-id", "proj-a", 20),
      markSeen(db, "bob-id", "proj-a", 15),
    ]);
    expect(await lastSeenAt(db, "bob-id", "proj-a")).toBe(20);
  });
});
