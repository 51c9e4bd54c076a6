import { beforeEach, describe, expect, it, vi } from "vitest";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import type { StoredSession } from "@/lib/auth/session-store";
import type { BatchSummary } from "@/lib/batches/types";
import { ERRORS } from "@/lib/errors";
import { GET as exportBatch } from "./export/route";
import { GET } from "./route";

vi.mock("@/lib/i18n/error-translator", async () => (await import("@/lib/i18n/testing")).translatorsIn(() => "en"));

const stored = vi.hoisted(() => ({ session: undefined as StoredSession | undefined }));
const store = vi.hoisted(() => ({ getBatch: vi.fn(), pairsSince: vi.fn(), streamPairs: vi.fn() }));
vi.mock("@/lib/auth", () => ({ auth: async () => ({ sid: "s1" }) }));
vi.mock("@/lib/auth/store", () => ({ sessionStore: async () => ({ get: async () => stored.session }) }));
vi.mock("@/lib/db", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/batches/store", () => store);

const SESSION: StoredSession = {
  ...ALICE_ACTOR,
  id: "s1",
  roles: ["te_admin"],
  token: "MIItoken",
  tokenExpiresAt: Date.now() + 3_600_000,
};
const ID = "4f1d2c3b-0000-4000-8000-000000000001";
const NOT_FOUND = {
  error: { code: "not_found", message: "This batch does not exist or was launched in another project." },
};

const get = async (id: string, query = "") => {
  const r = await GET(new Request(`http://console.test/api/batches/${id}${query}`), {
    params: Promise.resolve({ id }),
  });
  return { status: r.status, cache: r.headers.get("cache-control"), body: await r.json() };
};

describe("GET /api/batches/[id]", () => {
  beforeEach(() => {
    stored.session = SESSION;
    store.getBatch.mockReset();
    store.pairsSince.mockReset().mockResolvedValue([]);
  });

  it("answers the batch and its pairs since a version, never cached", async () => {
    const summary = { id: ID, version: 7 } as BatchSummary;
    store.getBatch.mockResolvedValue(summary);
    expect(await get(ID, "?since=3")).toEqual({ status: 200, cache: "no-store", body: { summary, pairs: [] } });
    expect(store.getBatch).toHaveBeenCalledWith({}, ID, { accountId: SESSION.accountId, projectId: SESSION.projectId });
    expect(store.pairsSince).toHaveBeenCalledWith({}, ID, 3);
  });

  it("answers 401 session_expired without a live session", async () => {
    stored.session = { ...SESSION, tokenExpiresAt: Date.now() - 1 };
    expect(await get(ID)).toEqual({
      status: 401,
      cache: "no-store",
      body: { error: { code: "session_expired", message: ERRORS.session_expired[1] } },
    });
  });

  it("answers the same 404 for another project's batch as for an id that is no batch id, which is not looked up", async () => {
    store.getBatch.mockResolvedValue(undefined);
    expect(await get(ID)).toEqual({ status: 404, cache: "no-store", body: NOT_FOUND });
    expect(await get("------------------------------------")).toEqual({
      status: 404,
      cache: "no-store",
      body: NOT_FOUND,
    });
    expect(store.getBatch).toHaveBeenCalledOnce();
  });

  it("refuses an export format it does not know with 400", async () => {
    store.getBatch.mockResolvedValue({ id: ID } as BatchSummary);
    const r = await exportBatch(new Request(`http://console.test/api/batches/${ID}/export?format=xml`), {
      params: Promise.resolve({ id: ID }),
    });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({
      error: { code: "invalid_input", message: "Choose format=csv or format=json." },
    });
    expect(store.streamPairs).not.toHaveBeenCalled();
  });
});
