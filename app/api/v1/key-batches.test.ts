import type { Kysely } from "kysely";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { acmeImageId, DEMO, DEMO_KEYS } from "@/emulator/seed/demo";
import type { ApiHandler } from "@/lib/api/route";
import { ALICE_PAGE_SESSION } from "@/lib/audit/testing";
import type { Tracker } from "@/lib/batches/tracker";
import { emulatorPlaying } from "@/lib/cloud/testing";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";

const mocks = vi.hoisted(() => ({ db: undefined as unknown, session: undefined as unknown }));
vi.mock("@/lib/db", () => ({ getDb: async () => mocks.db }));
vi.mock("@/lib/auth", () => ({ auth: async () => null }));
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  requireSession: async () => mocks.session,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/localize/translator", async () => (await import("@/lib/localize/testing")).translatorsIn(() => "en"));

const IMAGE = acmeImageId(1);

const ALICE = ALICE_PAGE_SESSION;

/**
 * A batch launched through the API with an entrusted-key token, as `imshare apply` in CI launches one:
 * nobody is signed in, and the tracker sends it with the token's key to the end; once the token is revoked
 * its batch waits for a sign-in like any other.
 */
describe("batches of API tokens with an entrusted key", () => {
  const emulator = emulatorPlaying("A");
  let db: Kysely<Database>;
  onMigratedDatabase(backends[0], (opened) => (db = opened));
  let api: typeof import("@/lib/api/testing");
  let actions: typeof import("@/app/(console)/settings/tokens/actions");
  let launch: ApiHandler<Record<string, never>>;
  let tracker: Tracker;

  beforeAll(async () => {
    mocks.db = db;
    const [crypto, store, entrusted, tokens, trackers, env] = await Promise.all([
      import("@/lib/auth/crypto"),
      import("@/lib/auth/store"),
      import("@/lib/batches/entrusted"),
      import("@/lib/batches/tokens"),
      import("@/lib/batches/tracker"),
      import("@/lib/env"),
    ]);
    [api, actions, { POST: launch }] = await Promise.all([
      import("@/lib/api/testing"),
      import("@/app/(console)/settings/tokens/actions"),
      import("./batches/route"),
    ]);
    const source = tokens.sessionTokens(store.sessionStore);
    const key = crypto.deriveTokenKey(env.env.AUTH_SECRET);
    tracker = new trackers.Tracker({
      db,
      tokens: entrusted.withEntrustedKeys(source, db, key),
      pollMs: 20,
      tickMs: 20,
      leaseMs: 2_000,
      log: () => {},
    });
  });
  beforeEach(() => {
    mocks.db = db;
    mocks.session = ALICE;
    emulator().reset();
  });
  afterEach(async () => {
    await db.updateTable("batches").set({ status: "cancelled", finished_at: Date.now() }).execute();
  });

  const launched = async () => {
    const form = new FormData();
    const fields = {
      name: "ci",
      access: "write",
      credentials: "access_key",
      accessKey: DEMO_KEYS.alice.ak,
      secretKey: DEMO_KEYS.alice.sk,
    };
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const made = await actions.createApiTokenAction(null, form);
    if (!made.ok) throw new Error(made.error.message);
    const body = { operation: "share", imageIds: [IMAGE], targets: DEMO.globexAp, kind: "project" };
    const r = await api.callApi(launch, "/api/v1/batches", { secret: made.data.secret, method: "POST", body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return { token: made.data, batchId: (r.body as { data: { id: string } }).data.id };
  };

  it("sends the batch with the token's key to the end, with no console session", async () => {
    const { token, batchId } = await launched();
    expect(await db.selectFrom("sessions").selectAll().execute()).toEqual([]);
    const row = await db.selectFrom("batches").selectAll().where("id", "=", batchId).executeTakeFirstOrThrow();
    expect(row.api_token_id).toBe(token.id);
    await tracker.drain(20_000);
    const done = await db.selectFrom("batches").selectAll().where("id", "=", batchId).executeTakeFirstOrThrow();
    expect(done.status).toBe("finished");
    const pairs = await db.selectFrom("batch_pairs").select("status").where("batch_id", "=", batchId).execute();
    expect(pairs).toEqual([{ status: "succeeded" }]);
    const members = await emulator().call("GET", `/v2/images/${IMAGE}/members`, {
      token: await emulator().login("alice"),
    });
    expect(members.body.members.map((m: { member_id: string }) => m.member_id)).toContain(DEMO.globexAp);
  });

  it("has a revoked token's batch wait for a sign-in", async () => {
    const { token, batchId } = await launched();
    expect(await actions.revokeApiTokenAction(null, { id: token.id })).toMatchObject({ ok: true });
    await tracker.tick();
    await vi.waitFor(async () => {
      const row = await db.selectFrom("batches").selectAll().where("id", "=", batchId).executeTakeFirstOrThrow();
      expect(row.status).toBe("waiting_for_sign_in");
    });
  });
});
