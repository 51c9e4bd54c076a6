import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO, DEMO_IMAGES, DEMO_KEYS } from "@/emulator/seed/demo";
import type { ApiHandler } from "@/lib/api/route";
import { ALICE_PAGE_SESSION } from "@/lib/audit/testing";
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

const ALICE = ALICE_PAGE_SESSION;

/**
 * Tokens with an entrusted access key, from the settings page's action to /api/v1 against the emulator:
 * the key is checked with IAM when the token is made, and the token then works without any console session.
 */
describe("API tokens with an entrusted access key", () => {
  const emulator = emulatorPlaying("A");
  let db: Kysely<Database>;
  onMigratedDatabase(backends[0], (opened) => (db = opened));
  // The console's modules read CLOUD_ENDPOINT when first imported: after the emulator is up.
  let api: typeof import("@/lib/api/testing");
  let actions: typeof import("@/app/(console)/settings/tokens/actions");
  let images: ApiHandler<Record<string, never>>;
  let me: ApiHandler<Record<string, never>>;
  let exported: ApiHandler<Record<string, never>>;
  let drift: ApiHandler<Record<string, never>>;

  beforeAll(async () => {
    mocks.db = db;
    [api, actions, { GET: images }, { GET: me }, { GET: exported }, { POST: drift }] = await Promise.all([
      import("@/lib/api/testing"),
      import("@/app/(console)/settings/tokens/actions"),
      import("./images/route"),
      import("./me/route"),
      import("./manifest/export/route"),
      import("./manifest/drift/route"),
    ]);
  });
  beforeEach(() => {
    mocks.db = db;
    mocks.session = ALICE;
  });

  const create = (key: { ak: string; sk: string }, name = "ci") => {
    const form = new FormData();
    const fields = { name, access: "read", credentials: "access_key", accessKey: key.ak, secretKey: key.sk };
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return actions.createApiTokenAction(null, form);
  };
  const made = async (key: { ak: string; sk: string }) => {
    const r = await create(key);
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };

  it("lists the project's images with no session in the sessions table, and audits the key without its SK", async () => {
    const { secret } = await made(DEMO_KEYS.alice);
    expect(await db.selectFrom("sessions").selectAll().execute()).toEqual([]);
    const listed = await api.callApi(images, "/api/v1/images?service=ims", { secret });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const ids = (listed.body as { data: { id: string }[] }).data.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([DEMO_IMAGES.ubuntu, DEMO_IMAGES.debian]));
    expect(ids).not.toContain(DEMO_IMAGES.globexCiRunner);
    expect((await api.callApi(me, "/api/v1/me", { secret })).body).toMatchObject({
      data: { userName: "alice", accountName: "acme", projectId: DEMO.acmeAp },
    });
    const event = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "api_token_created")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.input)).toMatchObject({
      input: { credentials: "access_key", accessKey: DEMO_KEYS.alice.ak },
      created: { credentials: "access_key" },
    });
    expect(event.input).not.toContain(DEMO_KEYS.alice.sk);
  });

  it("exports the project's sharing and finds drift once someone shares outside it, as a CI gate on imshare drift would", async () => {
    const { secret } = await made(DEMO_KEYS.alice);
    const yaml = (
      (await api.callApi(exported, "/api/v1/manifest/export", { secret })).body as { data: { yaml: string } }
    ).data.yaml;
    const check = () =>
      api.callApi(drift, "/api/v1/manifest/drift", { secret, method: "POST", body: { manifest: yaml } });
    expect((await check()).body).toMatchObject({ data: { drift: [] } });
    const shared = await emulator().call("POST", "/v1/cloudimages/members", {
      sign: DEMO_KEYS.alice,
      headers: { "X-Project-Id": DEMO.acmeAp },
      body: { images: [DEMO_IMAGES.debian], projects: [DEMO.umbrellaAp] },
    });
    expect(shared.status).toBe(200);
    const after = (await check()).body as { data: { drift: unknown[] } };
    expect(after.data.drift).toEqual([
      expect.objectContaining({
        image: DEMO_IMAGES.debian,
        action: "remove",
        target: expect.objectContaining({ value: DEMO.umbrellaAp }),
      }),
    ]);
  });

  it("refuses a wrong SK when the token is made, saying so on the SK's field, and makes no token", async () => {
    const before = await db.selectFrom("api_tokens").select("id").execute();
    const r = await create({ ...DEMO_KEYS.alice, sk: DEMO_KEYS.bob.sk });
    const sentence =
      "Huawei Cloud refused this access key. Check that the AK and SK were copied whole, that the key is active, and that it is a key of your IAM user in account acme.";
    expect(r).toMatchObject({
      ok: false,
      error: { code: "invalid_input", message: sentence, fieldErrors: { secretKey: [sentence] } },
      values: { credentials: "access_key", accessKey: DEMO_KEYS.alice.ak },
    });
    expect(JSON.stringify(r)).not.toContain(DEMO_KEYS.bob.sk);
    expect(await db.selectFrom("api_tokens").select("id").execute()).toEqual(before);
  });

  it("refuses another user's key: audrey's of the same account by name, bob's of another as not working", async () => {
    expect(await create(DEMO_KEYS.audrey)).toMatchObject({
      ok: false,
      error: {
        code: "forbidden",
        fieldErrors: {
          accessKey: [
            "This access key belongs to another IAM user. Entrust a key of your own IAM user alice: a token never does more than you could.",
          ],
        },
      },
    });
    expect(await create(DEMO_KEYS.bob)).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fieldErrors: { secretKey: [expect.stringContaining("refused")] } },
    });
  });

  it("refuses a revoked token, and one whose key was disabled in IAM since, each saying why", async () => {
    const revoked = await made(DEMO_KEYS.alice);
    expect(await actions.revokeApiTokenAction(null, { id: revoked.id })).toMatchObject({ ok: true });
    const refused = await api.callApi(images, "/api/v1/images", { secret: revoked.secret });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      error: { code: "invalid_token", message: expect.stringMatching(/^This token was revoked at /) },
    });

    const { secret } = await made(DEMO_KEYS.alice);
    const key = emulator().emu.world.accessKeys.get(DEMO_KEYS.alice.ak)!;
    key.status = "inactive";
    try {
      const disabled = await api.callApi(images, "/api/v1/images", { secret });
      expect(disabled.status).toBe(401);
      expect(disabled.body).toEqual({
        error: {
          code: "invalid_token",
          message:
            "Huawei Cloud refused the access key this token acts with (ACME…): it may have been deleted or disabled in IAM. Create a new token with a working key on Settings → API tokens.",
        },
      });
    } finally {
      key.status = "active";
    }
  });
});
