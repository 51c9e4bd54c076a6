import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO, DEMO_IMAGES, DEMO_PHONES } from "@/emulator/seed/demo";
import type { ApiHandler } from "@/lib/api/route";
import type { Person } from "@/lib/api/testing";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import { emulatorPlaying } from "@/lib/cloud/testing";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";

const mocks = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db", () => ({ getDb: async () => mocks.db }));
vi.mock("@/lib/auth", () => ({ auth: async () => null }));

const BOB_ACTOR = {
  ...ALICE_ACTOR,
  userId: DEMO.bob,
  userName: "bob",
  accountId: DEMO.globex,
  accountName: "globex",
  projectId: DEMO.globexAp,
};
const UNKNOWN = "4f1d2c3b-0000-4000-8000-00000000dead";
type Routes = {
  me: ApiHandler<Record<string, never>>;
  images: ApiHandler<Record<string, never>>;
  members: ApiHandler<{ id: string }>;
  batch: ApiHandler<{ id: string }>;
  pairs: ApiHandler<{ id: string }>;
  history: ApiHandler<Record<string, never>>;
  historyExport: ApiHandler<Record<string, never>>;
};

/**
 * The read routes of /api/v1 against the emulator: each answers the token's own account and project, and
 * another account's token never sees them: the same 404 as for an id nobody has, or lists without them.
 */
describe("the read routes of /api/v1", () => {
  const emulator = emulatorPlaying("A");
  let db: Kysely<Database>;
  onMigratedDatabase(backends[0], (opened) => (db = opened));
  let routes: Routes;
  // The console's modules read CLOUD_ENDPOINT when first imported: after the emulator is up.
  let api: typeof import("@/lib/api/testing");
  const secrets = {} as Record<Person, string>;
  let batchId: string;
  let acmeEvent: string;
  let globexEvent: string;

  beforeAll(async () => {
    mocks.db = db;
    api = await import("@/lib/api/testing");
    const [{ writeAuditEvent }, { createBatch }, { setLeases }] = await Promise.all([
      import("@/lib/audit/writer"),
      import("@/lib/batches/store"),
      import("@/lib/sharing/leases"),
    ]);
    const [me, images, members, batch, pairs, history, historyExport] = await Promise.all([
      import("./me/route"),
      import("./images/route"),
      import("./images/[id]/members/route"),
      import("./batches/[id]/route"),
      import("./batches/[id]/pairs/route"),
      import("./history/route"),
      import("./history/export/route"),
    ]);
    routes = {
      me: me.GET,
      images: images.GET,
      members: members.GET,
      batch: batch.GET,
      pairs: pairs.GET,
      history: history.GET,
      historyExport: historyExport.GET,
    };
    for (const who of ["alice", "bob"] as const) {
      await api.signIn(who, await emulator().login(who));
      secrets[who] = (await api.tokenOf(db, who, "read")).secret;
    }
    const image = { id: DEMO_IMAGES.debian, name: "debian-12-base", service: "ims" as const };
    const target = { kind: "project" as const, value: DEMO.umbrellaAp, memberId: DEMO.umbrellaAp };
    batchId = await createBatch(db, {
      actor: ALICE_ACTOR,
      operation: "share",
      images: [image],
      targets: [target],
      pairs: [{ image: 0, target: 0, status: "blocked" }],
    });
    acmeEvent = await writeAuditEvent(db, { actor: ALICE_ACTOR, action: "share", outcome: "succeeded" });
    globexEvent = await writeAuditEvent(db, { actor: BOB_ACTOR, action: "share", outcome: "succeeded" });
    const lease = {
      imageId: DEMO_IMAGES.debian,
      imageName: "debian-12-base",
      memberId: DEMO.globexAp,
      targetKind: "project",
      target: DEMO.globexAp,
    };
    await setLeases(db, "ims", [lease], Date.parse("2027-01-31T00:00:00Z"), ALICE_ACTOR);
  });
  beforeEach(() => {
    mocks.db = db;
  });

  const get = <P>(route: ApiHandler<P>, who: Person, path: string, params?: P) =>
    api.callApi(route, path, { secret: secrets[who], params });
  const notFound = async (route: ApiHandler<{ id: string }>, who: Person, path: (id: string) => string, id: string) => {
    const foreign = await get(route, who, path(id), { id });
    const nobodys = await get(route, who, path(UNKNOWN), { id: UNKNOWN });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(nobodys.body);
    return foreign.body;
  };

  it("me: who each token acts as", async () => {
    for (const who of ["alice", "bob"] as const) {
      const r = await get(routes.me, who, "/api/v1/me");
      expect(r.body).toMatchObject({
        data: {
          userName: who,
          projectId: api.PEOPLE[who].project,
          accountName: api.PEOPLE[who].accountName,
          token: { access: "read" },
        },
      });
    }
  });

  it("images: the project's own IMS and CPH images; another account's token lists none of them", async () => {
    const acme = (await get(routes.images, "alice", "/api/v1/images")).body as { data: { id: string }[] };
    const ids = acme.data.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([DEMO_IMAGES.ubuntu, DEMO_IMAGES.debian, DEMO_PHONES.android11Game]));
    expect(ids).not.toContain(DEMO_IMAGES.globexCiRunner);
    expect(acme.data.find((i) => i.id === DEMO_IMAGES.debian)).toEqual({
      id: DEMO_IMAGES.debian,
      name: "debian-12-base",
      service: "ims",
      status: "active",
      memberCount: 2,
    });
    const phones = (await get(routes.images, "alice", "/api/v1/images?service=cph")).body as {
      data: { service: string }[];
    };
    expect(phones.data.length).toBeGreaterThan(0);
    expect(phones.data.every((i) => i.service === "cph")).toBe(true);
    const globex = (await get(routes.images, "bob", "/api/v1/images")).body as { data: { id: string }[] };
    expect(globex.data.map((i) => i.id)).toContain(DEMO_IMAGES.globexCiRunner);
    expect(globex.data.filter((i) => ids.includes(i.id))).toEqual([]);
    expect((await get(routes.images, "alice", "/api/v1/images?service=ecs")).status).toBe(400);
  });

  it("members: an own image's members with end dates; another account's image, shared or not, is not found", async () => {
    const path = (id: string) => `/api/v1/images/${id}/members`;
    const r = await get(routes.members, "alice", path(DEMO_IMAGES.debian), { id: DEMO_IMAGES.debian });
    expect(r.body).toEqual({
      data: expect.arrayContaining([
        { memberId: DEMO.globexAp, kind: "project", status: "accepted", endsAt: "2027-01-31T00:00:00.000Z" },
        { memberId: DEMO.initechAp, kind: "project", status: "pending" },
      ]),
    });
    expect(await notFound(routes.members, "bob", path, DEMO_IMAGES.debian)).toMatchObject({
      error: { code: "not_found" },
    });
    // Shared with acme and accepted, but globex's: its members are not acme's to read.
    await notFound(routes.members, "alice", path, DEMO_IMAGES.globexCiRunner);
    await notFound(routes.members, "bob", path, DEMO_PHONES.android11Game);
  });

  it("batches: the batch and its pairs for its project's token; another account's token gets the 404 of no batch", async () => {
    const r = await get(routes.batch, "alice", `/api/v1/batches/${batchId}`, { id: batchId });
    expect(r.body).toMatchObject({ data: { id: batchId, operation: "share", status: "finished", userName: "alice" } });
    const pairs = await get(routes.pairs, "alice", `/api/v1/batches/${batchId}/pairs?status=blocked`, { id: batchId });
    expect(pairs.body).toMatchObject({
      data: [{ imageId: DEMO_IMAGES.debian, target: DEMO.umbrellaAp, status: "blocked" }],
    });
    const none = await get(routes.pairs, "alice", `/api/v1/batches/${batchId}/pairs?status=failed`, { id: batchId });
    expect(none.body).toEqual({ data: [] });
    await notFound(routes.batch, "bob", (id) => `/api/v1/batches/${id}`, batchId);
    await notFound(routes.pairs, "bob", (id) => `/api/v1/batches/${id}/pairs`, batchId);
  });

  it("history: each token reads its own project's events only, in pages and in exports", async () => {
    const ids = async (who: Person) =>
      (
        (await get(routes.history, who, "/api/v1/history?limit=500")).body as { data: { events: { id: string }[] } }
      ).data.events.map((e) => e.id);
    expect(await ids("alice")).toContain(acmeEvent);
    expect(await ids("alice")).not.toContain(globexEvent);
    expect(await ids("bob")).toEqual([globexEvent]);
    const exported = async (who: Person, query = "") =>
      get(routes.historyExport, who, `/api/v1/history/export?format=json${query}`);
    const alice = await exported("alice");
    expect(alice.status).toBe(200);
    expect(JSON.stringify(alice.body)).toContain(acmeEvent);
    expect(JSON.stringify(alice.body)).not.toContain(globexEvent);
    const bob = await exported("bob");
    expect(JSON.stringify(bob.body)).toContain(globexEvent);
    expect(JSON.stringify(bob.body)).not.toContain(acmeEvent);
    // An export link naming acme's account, opened with globex's token: as if no event were there.
    expect((await exported("bob", `&account=${DEMO.acme}`)).status).toBe(404);
  });
});
