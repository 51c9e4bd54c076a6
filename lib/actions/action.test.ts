import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import type { StoredSession } from "@/lib/auth/session-store";
import { CloudError } from "@/lib/cloud/errors";
import { SQLITE } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { ERRORS, UserError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { fieldKey } from "@/lib/i18n/fields";
import { text } from "@/lib/i18n/text";
import { defineAction, defineOpenAction } from "./action";

/** Thrown by the mocked `redirect`s, as Next's are: they end the action. */
class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirected to ${to}`);
  }
}

const mocks = vi.hoisted(() => ({
  session: undefined as StoredSession | undefined,
  db: undefined as unknown,
  redirect: vi.fn((to: string): never => {
    throw new Redirected(to);
  }),
  redirectToSignIn: vi.fn(async (reason?: string): Promise<never> => {
    throw new Redirected(`/login?reason=${reason}`);
  }),
  currentSession: vi.fn(async (): Promise<StoredSession | undefined> => mocks.session),
}));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  redirect: mocks.redirect,
}));
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  requireSession: async () => mocks.session ?? mocks.redirectToSignIn(),
  currentSession: mocks.currentSession,
  redirectToSignIn: mocks.redirectToSignIn,
}));
vi.mock("@/lib/db", () => ({ getDb: async () => mocks.db }));
const request = vi.hoisted(() => ({ locale: "en" as Locale }));
vi.mock("@/lib/localize/translator", async () =>
  (await import("@/lib/localize/testing")).translatorsIn(() => request.locale),
);

const ALICE: StoredSession = {
  ...ALICE_ACTOR,
  id: "session-alice",
  roles: ["te_admin"],
  token: "MIItoken",
  tokenExpiresAt: Date.now() + 3_600_000,
};
const AUDREY: StoredSession = { ...ALICE, id: "session-audrey", userName: "audrey", roles: ["readonly"] };
const IMAGE = "610be000-0000-4000-8000-000000000001";
const TARGET = "610be0000000000000000000000000b1";

const shareSchema = z.object({ imageId: z.uuid("Choose an image."), password: z.string().optional() });

let db: Kysely<Database>;
onMigratedDatabase(SQLITE, (opened) => {
  db = opened;
  mocks.db = opened;
});
beforeEach(async () => {
  request.locale = "en";
  mocks.session = ALICE;
  mocks.redirect.mockClear();
  mocks.redirectToSignIn.mockClear();
  await db.deleteFrom("action_intents").execute();
});

const events = () => db.selectFrom("audit_events").selectAll().orderBy("seq").execute();
const lastEvent = async () => (await events()).at(-1);
const intents = () => db.selectFrom("action_intents").selectAll().execute();

describe("defineAction", () => {
  it("refuses input its schema does not take: field errors, the values echoed without secrets, nothing run or recorded", async () => {
    const run = vi.fn(async () => "shared");
    const share = defineAction({ audit: "share", schema: shareSchema }, run);
    const before = (await events()).length;
    const form = new FormData();
    form.set("imageId", "not-an-id");
    form.set("password", "hunter2");
    const result = await share(null, form);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "invalid_input",
        message: ERRORS.invalid_input[1],
        fieldErrors: { imageId: ["Choose an image."] },
      },
      values: { imageId: "not-an-id" },
    });
    expect(run).not.toHaveBeenCalled();
    expect(await events()).toHaveLength(before);
  });

  it("says field errors in the request's language: a schema's catalogue keys, zod's own sentences", async () => {
    const keyed = z.object({ projectId: z.string().min(1, { error: fieldKey("chooseProject") }), count: z.number() });
    const run = vi.fn(async () => "done");
    const pick = defineAction({ audit: false, schema: keyed }, run);
    const en = await pick(null, { projectId: "" } as never);
    expect(!en.ok && en.error.fieldErrors?.projectId).toEqual(["Choose a project from the list."]);
    expect(!en.ok && en.error.fieldErrors?.count?.[0]).toMatch(/expected number/);
    request.locale = "zh-CN";
    const zh = await pick(null, { projectId: "" } as never);
    expect(!zh.ok && zh.error).toMatchObject({
      code: "invalid_input",
      message: "部分字段需要修改。请更正后重试。",
      fieldErrors: { projectId: ["请从列表中选择项目。"] },
    });
    expect(!zh.ok && zh.error.fieldErrors?.count?.[0]).toMatch(/\p{Script=Han}/u);
    expect(run).not.toHaveBeenCalled();
  });

  it("says an action's own sentence in the request's language, on its field too, and records it in English", async () => {
    request.locale = "zh-CN";
    const plan = defineAction({ audit: "batch_launched", schema: shareSchema }, async () => {
      throw new UserError(
        "invalid_input",
        text("errors.said.tooManyTargets", { limit: 20000, count: 20001 }),
        "targets",
      );
    });
    const result = await plan(null, { imageId: IMAGE });
    expect(!result.ok && result.error).toEqual({
      code: "invalid_input",
      message: "一个批量任务最多包含 20,000 个对象；此处有 20,001 个。",
      fieldErrors: { targets: ["一个批量任务最多包含 20,000 个对象；此处有 20,001 个。"] },
    });
    expect(await lastEvent()).toMatchObject({
      error_code: "invalid_input",
      error_message: "A batch takes at most 20,000 targets; these are 20,001.",
    });
  });

  it("records a success with what the action noted", async () => {
    const share = defineAction({ audit: "share", schema: shareSchema }, async (input, ctx) => {
      ctx.note({ requestId: "req-1", images: [input.imageId], targets: [TARGET] });
      return { shared: 1 };
    });
    expect(await share(null, { imageId: IMAGE, password: "hunter2" })).toEqual({ ok: true, data: { shared: 1 } });
    const event = await lastEvent();
    expect(event).toMatchObject({
      action: "share",
      outcome: "succeeded",
      user_name: "alice",
      upstream_request_id: "req-1",
      error_code: null,
    });
    expect(JSON.parse(event?.images ?? "")).toEqual([IMAGE]);
    expect(JSON.parse(event?.targets ?? "")).toEqual([TARGET]);
    expect(JSON.parse(event?.input ?? "")).toEqual({ imageId: IMAGE });
  });

  it("records the outcome the action noted (partial), and a failure with the cloud's code", async () => {
    const partial = defineAction({ audit: "share", schema: shareSchema }, async (_input, ctx) => {
      ctx.note({ outcome: "partial" });
      return null;
    });
    await partial(null, { imageId: IMAGE });
    expect(await lastEvent()).toMatchObject({ action: "share", outcome: "partial" });

    const quota = defineAction({ audit: "share", schema: shareSchema }, async () => {
      throw new CloudError("ims", 400, "IMG.0088", "quota", "req-2");
    });
    const result = await quota(null, { imageId: IMAGE });
    expect(result).toMatchObject({ ok: false, error: { code: "quota_exceeded", upstreamCode: "IMG.0088" } });
    expect(await lastEvent()).toMatchObject({
      outcome: "failed",
      error_code: "IMG.0088",
      error_message: ERRORS.quota_exceeded[1],
      upstream_request_id: "req-2",
    });
  });

  it("answers a zh-CN request in Chinese, records the English sentence, and keeps a custom sentence", async () => {
    request.locale = "zh-CN";
    const quota = defineAction({ audit: "share", schema: shareSchema }, async () => {
      throw new CloudError("ims", 400, "IMG.0098", "encrypted", "req-3");
    });
    expect(await quota(null, { imageId: IMAGE })).toMatchObject({
      ok: false,
      error: { code: "not_shareable", upstreamCode: "IMG.0098", message: "加密镜像不可共享。" },
    });
    expect(await lastEvent()).toMatchObject({
      error_code: "IMG.0098",
      error_message: "Encrypted images cannot be shared.",
    });
    const custom = defineAction({ audit: false, schema: shareSchema }, async () => {
      throw new UserError("not_found", text("errors.said.batchNotFound"));
    });
    const result = await custom(null, { imageId: IMAGE });
    expect(!result.ok && result.error).toEqual({
      code: "not_found",
      message: "该批量任务不存在，或是在其他项目中启动的。",
    });
  });

  it("writes no event for an action that only reads", async () => {
    const before = (await events()).length;
    const read = defineAction({ audit: false, schema: shareSchema }, async () => 3);
    expect(await read(null, { imageId: IMAGE })).toEqual({ ok: true, data: 3 });
    expect(await events()).toHaveLength(before);
  });

  it("after an intent, a change that got no answer says so and leaves the intent to the reconciler, writing no event", async () => {
    const before = (await events()).length;
    const share = defineAction({ audit: "share", schema: shareSchema }, async (input, ctx) => {
      await ctx.intent({ service: "ims", expect: "present", pairs: [{ image: input.imageId, target: TARGET }] });
      throw new CloudError("ims", 504, "APIGW.0504", "gateway timeout");
    });
    const result = await share(null, { imageId: IMAGE });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "timeout", upstreamCode: "APIGW.0504" },
      values: { imageId: IMAGE },
    });
    expect(!result.ok && result.error.message).toMatch(/may or may not have been applied/);
    expect(await events()).toHaveLength(before);
    const [intent] = await intents();
    expect(intent).toMatchObject({ action: "share", lease_until: 0 });
    // The intent keeps who acted, never their IAM token.
    expect(JSON.parse(intent.actor)).toEqual(ALICE_ACTOR);
  });

  it("after an intent, a plain refusal is recorded and the intent cleared", async () => {
    const share = defineAction({ audit: "share", schema: shareSchema }, async (input, ctx) => {
      await ctx.intent({ service: "ims", expect: "present", pairs: [{ image: input.imageId, target: TARGET }] });
      throw new CloudError("ims", 400, "IMG.0076", "own project");
    });
    const result = await share(null, { imageId: IMAGE });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", upstreamCode: "IMG.0076" } });
    expect(await lastEvent()).toMatchObject({ outcome: "failed", error_code: "IMG.0076" });
    expect(await intents()).toEqual([]);
  });

  it("refuses a read-only user every audited change, with the action's sentence, and records the refusal", async () => {
    mocks.session = AUDREY;
    const run = vi.fn(async () => "launched");
    const launch = defineAction(
      { audit: "batch_launched", schema: shareSchema, readOnlyMessage: text("errors.said.readOnlyPlan") },
      run,
    );
    expect(await launch(null, { imageId: IMAGE })).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Your user is read-only: it can plan a batch but not launch one." },
      values: { imageId: IMAGE },
    });
    const general = defineAction({ audit: "share", schema: shareSchema }, run);
    const refused = await general(null, { imageId: IMAGE });
    expect(!refused.ok && refused.error).toEqual({ code: "forbidden", message: expect.stringMatching(/read-only/) });
    expect(run).not.toHaveBeenCalled();
    expect(await lastEvent()).toMatchObject({
      action: "share",
      user_name: "audrey",
      outcome: "failed",
      error_code: "forbidden",
    });
  });

  it("lets a read-only user read, and run what the spec allows", async () => {
    mocks.session = AUDREY;
    const read = defineAction({ audit: false, schema: shareSchema }, async () => "planned");
    expect(await read(null, { imageId: IMAGE })).toEqual({ ok: true, data: "planned" });
    const allowed = defineAction(
      { audit: "switched_project", schema: shareSchema, allowReadOnly: true },
      async () => 1,
    );
    expect(await allowed(null, { imageId: IMAGE })).toEqual({ ok: true, data: 1 });
    expect(await lastEvent()).toMatchObject({ action: "switched_project", user_name: "audrey", outcome: "succeeded" });
  });

  it("redirects after a success once its event is written, and neither after a failure nor when told undefined", async () => {
    const launch = defineAction(
      { audit: "batch_launched", schema: shareSchema, redirect: (data: { id: string }) => `/batches/${data.id}` },
      async () => ({ id: "b-1" }),
    );
    const before = (await events()).length;
    await expect(launch(null, { imageId: IMAGE })).rejects.toThrow(new Redirected("/batches/b-1"));
    expect(mocks.redirect).toHaveBeenCalledWith("/batches/b-1");
    // The redirect ends the action: an event written at all was written before it.
    expect(await lastEvent()).toMatchObject({ action: "batch_launched", outcome: "succeeded" });
    expect(await events()).toHaveLength(before + 1);

    mocks.redirect.mockClear();
    const failing = defineAction(
      { audit: "batch_launched", schema: shareSchema, redirect: () => "/batches" },
      async () => {
        throw new UserError("conflict");
      },
    );
    expect(await failing(null, { imageId: IMAGE })).toMatchObject({ ok: false, error: { code: "conflict" } });
    const staying = defineAction({ audit: false, schema: shareSchema, redirect: () => undefined }, async () => 1);
    expect(await staying(null, { imageId: IMAGE })).toEqual({ ok: true, data: 1 });
    expect(mocks.redirect).not.toHaveBeenCalled();
  });

  it("sends the user to sign in again when the cloud no longer takes the token", async () => {
    const share = defineAction({ audit: "share", schema: shareSchema }, async () => {
      throw new CloudError("ims", 401, "APIGW.0307", "The token must be updated.");
    });
    await expect(share(null, { imageId: IMAGE })).rejects.toThrow(new Redirected("/login?reason=expired"));
    expect(await lastEvent()).toMatchObject({ outcome: "failed", error_code: "APIGW.0307" });
  });
});

describe("defineOpenAction", () => {
  const signOut = vi.fn(async () => {});
  const signOutAction = defineOpenAction(
    {
      session: "optional",
      audit: "signed_out",
      allowReadOnly: true,
      schema: z.unknown().transform(() => undefined),
      redirect: () => "/login",
    },
    signOut,
  );

  it("signs out a read-only user with an expired token, records it, and goes to sign-in", async () => {
    mocks.session = { ...AUDREY, tokenExpiresAt: Date.now() - 1 };
    await expect(signOutAction(null, "anything")).rejects.toThrow(new Redirected("/login"));
    expect(signOut).toHaveBeenCalledOnce();
    expect(await lastEvent()).toMatchObject({ action: "signed_out", user_name: "audrey", outcome: "succeeded" });
  });

  it("without a session only runs, records nothing and goes to sign-in", async () => {
    mocks.session = undefined;
    const before = (await events()).length;
    await expect(signOutAction(null, {})).rejects.toThrow(new Redirected("/login"));
    expect(await events()).toHaveLength(before);
  });

  it("with `session: false` never loads one: parses, runs, and returns its refusals", async () => {
    mocks.currentSession.mockClear();
    const signIn = defineOpenAction(
      { session: false, audit: false, schema: z.object({ user: z.string().min(1, "Enter your IAM user name.") }) },
      async (): Promise<never> => {
        throw new UserError("invalid_credentials");
      },
    );
    expect(await signIn(null, { user: "" })).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fieldErrors: { user: ["Enter your IAM user name."] } },
    });
    expect(await signIn(null, { user: "alice" })).toEqual({
      ok: false,
      error: { code: "invalid_credentials", message: ERRORS.invalid_credentials[1] },
      values: { user: "alice" },
    });
    expect(mocks.currentSession).not.toHaveBeenCalled();
  });
});
