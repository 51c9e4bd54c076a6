import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StoredSession } from "@/lib/auth/session-store";
import { CloudError } from "@/lib/cloud/errors";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import { ERRORS } from "@/lib/errors";
import { GET } from "./route";

vi.mock("@/lib/localize/translator", async () => (await import("@/lib/localize/testing")).translatorsIn(() => "en"));

const stored = vi.hoisted(() => ({ session: undefined as StoredSession | undefined }));
const countPendingImages = vi.hoisted(() => vi.fn<() => Promise<number>>());
// The real `currentSession` and `routeSession` run, over a cookie and a store that answer `stored.session`.
vi.mock("@/lib/auth", () => ({ auth: async () => ({ sid: "s1" }) }));
vi.mock("@/lib/auth/store", () => ({ sessionStore: async () => ({ get: async () => stored.session }) }));
vi.mock("@/lib/inbox/pending", () => ({ countPendingImages }));

const SESSION: StoredSession = {
  ...ALICE_ACTOR,
  id: "s1",
  roles: ["te_admin"],
  token: "MIItoken",
  tokenExpiresAt: Date.now() + 3_600_000,
};

async function get() {
  const r = await GET();
  return { status: r.status, cache: r.headers.get("cache-control"), body: await r.json() };
}

/** The route's whole error path is `errorResponse`: these are the answers it must keep. */
describe("GET /api/incoming/count", () => {
  beforeEach(() => {
    stored.session = SESSION;
    countPendingImages.mockReset();
  });

  it("answers the count, never cached", async () => {
    countPendingImages.mockResolvedValue(4);
    expect(await get()).toEqual({ status: 200, cache: "no-store", body: { pending: 4 } });
  });

  it("answers 401 session_expired without a session or with an expired token, without calling the cloud", async () => {
    const expired = {
      status: 401,
      cache: "no-store",
      body: { error: { code: "session_expired", message: ERRORS.session_expired[1] } },
    };
    stored.session = undefined;
    expect(await get()).toEqual(expired);
    stored.session = { ...SESSION, tokenExpiresAt: Date.now() - 1 };
    expect(await get()).toEqual(expired);
    expect(countPendingImages).not.toHaveBeenCalled();
  });

  it("answers 401 when the cloud no longer takes the token", async () => {
    countPendingImages.mockRejectedValue(new CloudError("ims", 401, "APIGW.0307", "The token must be updated."));
    expect((await get()).body.error).toEqual({ code: "session_expired", message: ERRORS.session_expired[1] });
  });

  it("answers any other failure 503 with its reference, whatever the cloud's status", async () => {
    for (const e of [
      new CloudError("ims", 403, "IMG.0026", "no", "req-3"),
      new CloudError("ims", 500, "x", "down", "req-3"),
    ]) {
      countPendingImages.mockRejectedValueOnce(e);
      const r = await get();
      expect(r.status).toBe(503);
      expect(r.body.error).toMatchObject({
        code: "upstream_unavailable",
        upstreamCode: e.code,
        upstreamRequestId: "req-3",
      });
      expect(r.body.error.message).toMatch(/pending shares could not be read/);
    }
  });
});
