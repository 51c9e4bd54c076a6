import { afterEach, describe, expect, it, vi } from "vitest";
import { CloudError } from "./cloud/errors";
import { ERRORS, UserError, type ErrorCode } from "./errors";
import { errorResponse, jsonResponse } from "./http";
import { text } from "./i18n/text";
import type { Locale } from "./i18n/locales";

const request = vi.hoisted(() => ({ locale: "en" as Locale }));
vi.mock("@/lib/localize/translator", async () =>
  (await import("@/lib/localize/testing")).translatorsIn(() => request.locale),
);

afterEach(() => {
  vi.restoreAllMocks();
  request.locale = "en";
});

const answer = async (response: Promise<Response>) => {
  const r = await response;
  return {
    status: r.status,
    cache: r.headers.get("cache-control"),
    body: (await r.json()) as { error: { code: string; message: string; upstreamCode?: string } },
  };
};

describe("route responses", () => {
  it("answers a refusal with its code's status, the body { error } and no-store", async () => {
    const r = await answer(errorResponse(new UserError("not_found", text("errors.said.batchNotFound"))));
    expect(r).toEqual({
      status: 404,
      cache: "no-store",
      body: {
        error: {
          code: "not_found",
          message: "This batch does not exist or was launched in another project.",
        },
      },
    });
  });

  it("reads the status column of the vocabulary for every code", async () => {
    for (const [code, [status]] of Object.entries(ERRORS))
      expect((await errorResponse(new UserError(code as ErrorCode))).status, code).toBe(status);
  });

  it("explains a cloud error and keeps its reference", async () => {
    const quota = await answer(errorResponse(new CloudError("ims", 400, "IMG.0088", "quota", "req-9")));
    expect(quota.status).toBe(400);
    expect(quota.body.error).toMatchObject({ code: "quota_exceeded", upstreamCode: "IMG.0088" });
    expect((await answer(errorResponse(new CloudError("ims", 0, "timeout", "no answer")))).status).toBe(504);
    expect((await answer(errorResponse(new CloudError("cph", 429, "CPS.0429", "slow down")))).status).toBe(429);
    expect((await answer(errorResponse(new CloudError("iam", 401, "IAM.401", "expired")))).status).toBe(401);
  });

  it("says the vocabulary's sentences and a route's own in the request's language", async () => {
    request.locale = "zh-CN";
    const quota = await answer(errorResponse(new CloudError("ims", 400, "IMG.0088", "quota", "req-9")));
    expect(quota.body.error).toMatchObject({
      code: "quota_exceeded",
      upstreamCode: "IMG.0088",
      message: "此镜像的共享成员配额已用完。请先删除一个共享成员。",
    });
    const custom = await answer(errorResponse(new UserError("invalid_input", text("errors.said.exportFormat"))));
    expect(custom.body.error.message).toBe("请选择 format=csv 或 format=json。");
    const plain = await answer(errorResponse(new UserError({ code: "not_found", message: "Gone." })));
    expect(plain.body.error.message).toBe("Gone.");
  });

  it("answers anything else as internal (500), logged, without its text", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const r = await answer(errorResponse(new TypeError("secret stack detail")));
    expect(r.status).toBe(500);
    expect(r.body.error).toEqual({ code: "internal", message: ERRORS.internal[1] });
    expect(JSON.stringify(r.body)).not.toContain("secret");
    expect(log).toHaveBeenCalledOnce();
  });

  it("answers success as JSON that no cache keeps", async () => {
    const r = jsonResponse({ pending: 3 });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.headers.get("content-type")).toContain("application/json");
    expect(await r.json()).toEqual({ pending: 3 });
  });
});
