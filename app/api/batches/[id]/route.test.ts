import { beforeEach, describe, expect, it, vi } from "vitest";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import type { StoredSession } from "@/lib/auth/session-store";
import type { BatchPairView, BatchSummary } from "@/lib/batches/types";
import { ERRORS } from "@/lib/errors";
import { GET as exportBatch } from "./export/route";
import { GET } from "./route";

vi.mock("@/lib/localize/translator", async () => (await import("@/lib/localize/testing")).translatorsIn(() => "en"));

const stored = vi.hoisted(() => ({ session: undefined as StoredSession | undefined }));
const store = vi.hoisted(() => ({ getBatch: vi.fn(), pairsSince: vi.fn(), streamPairs: vi.fn() }));
vi.mock("@/lib/auth", () => ({ auth: async () => ({ sid: "s1" }) }));
vi.mock("@/lib/auth/store", () => ({ sessionStore: async () => ({ get: async () => stored.session }) }));
vi.mock("@/lib/db", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/batches/store", () => store);
const request = vi.hoisted(() => ({ locale: "en" as "en" | "zh-CN" }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { MESSAGES } = await import("@/messages");
  return {
    getTranslations: async (namespace: "batches.csv") =>
      createTranslator({ locale: request.locale, messages: MESSAGES[request.locale], namespace }),
  };
});
vi.mock("@/lib/names/server", () => ({ namesOfSession: async () => ({ [TARGET]: "Globex" }) }));

const SESSION: StoredSession = {
  ...ALICE_ACTOR,
  id: "s1",
  roles: ["te_admin"],
  token: "MIItoken",
  tokenExpiresAt: Date.now() + 3_600_000,
};
const ID = "4f1d2c3b-0000-4000-8000-000000000001";
const TARGET = "610be0000000000000000000000000b1";
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

  it("heads the CSV export's columns in the reader's language and leaves the rows as they are", async () => {
    store.getBatch.mockResolvedValue({ id: ID, version: 1 } as BatchSummary);
    const pair: BatchPairView = {
      idx: 0,
      imageId: "img-1",
      imageName: "ubuntu",
      service: "ims",
      targetKind: "project",
      target: TARGET,
      memberId: TARGET,
      status: "succeeded",
      code: null,
      reason: null,
      reasonText: null,
      attempt: 1,
      jobId: "job-1",
      updatedAt: Date.parse("2026-11-22T14:05:00Z"),
      version: 1,
    };
    store.streamPairs.mockImplementation(async function* () {
      yield pair;
    });
    const csv = async (locale: "en" | "zh-CN") => {
      request.locale = locale;
      const r = await exportBatch(new Request(`http://console.test/api/batches/${ID}/export?format=csv`), {
        params: Promise.resolve({ id: ID }),
      });
      return (await r.text()).split("\r\n");
    };
    const en = await csv("en");
    const zh = await csv("zh-CN");
    expect(en[0]).toBe(
      "image_id,image_name,service,target_kind,target,target_name,member_id,status,code,reason,attempt,job_id,updated_at",
    );
    expect(zh[0]).toBe(
      "镜像 ID,镜像名称,服务,对象类型,对象,对象名称,共享成员 ID,状态,错误码,原因,尝试次数,任务 ID,更新时间",
    );
    expect(en[1]).toBe(
      `img-1,ubuntu,ims,project,${TARGET},Globex,${TARGET},succeeded,,,1,job-1,2026-11-22T14:05:00.000Z`,
    );
    expect(zh.slice(1)).toEqual(en.slice(1));
    request.locale = "en";
  });
});
