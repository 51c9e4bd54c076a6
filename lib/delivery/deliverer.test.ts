import type { ServerType } from "@hono/node-server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/webhook-receiver";
import { DEMO, DEMO_TOPICS } from "@/emulator/seed/demo";
import { createEmulator } from "@/emulator/server";
import { serveForConsole, wrapEmulator, type TestEmulator } from "@/emulator/testing";
import { deriveTokenKey, encryptToken } from "@/lib/auth/crypto";
import { migrate } from "@/lib/db/connect";
import { backends } from "@/lib/db/testing";
import type { Database } from "@/lib/db/types";
import { text } from "@/lib/i18n/text";
import { DEFAULT_SETTINGS } from "@/lib/notify/settings";
import { enqueue, saveSettings, type Notice } from "@/lib/notify/store";

/**
 * The outbox deliverer against a webhook receiver and the emulator's SMN, on SQLite and PostgreSQL:
 * a delivery is signed, retried after 500s with the same idempotency key, given up after its attempts,
 * and published to the account's SMN topic in the account's language.
 */
const key = deriveTokenKey("test-secret-test-secret-test-secret-xx");
const SECRET = "whsec-test";

let emulator: TestEmulator;
let server: ServerType;
let receiver: WebhookReceiver;
let delivererModule: typeof import("./deliverer");
let now = Date.now();
beforeAll(async () => {
  emulator = wrapEmulator(createEmulator({ seed: "demo" }));
  server = await serveForConsole(emulator);
  receiver = await startWebhookReceiver({ secret: SECRET });
  delivererModule = await import("./deliverer");
});
afterAll(async () => {
  await receiver.close();
  server.close();
  emulator.close();
});

const notice = (type: Notice["type"] = "batch.finished"): Notice => ({
  type,
  accountId: DEMO.acme,
  accountName: "acme",
  project: { id: DEMO.acmeAp, name: "ap-southeast-1", region: "ap-southeast-1" },
  title: text("notify.events.batchFinished.title"),
  text: text("notify.events.batchFinished.text", { user: "alice", succeeded: 3 }),
  link: "/batches/b-1",
  data: { batchId: "b-1" },
  occurredAt: now,
});

describe.each(backends)("outbox deliverer on $name", (backend) => {
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;
  let token: string;
  const deliverer = (maxAttempts = 5) =>
    new delivererModule.Deliverer({
      db,
      instanceId: "d1",
      key,
      sessions: async () => ({
        latestInProject: async () => ({ token, region: "ap-southeast-1", projectId: DEMO.acmeAp }),
      }),
      publicUrl: "https://imshare.example.com",
      maxAttempts,
      retryMs: 1_000,
      now: () => now,
      log: () => {},
    });

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    await migrate(db);
  });
  afterAll(async () => {
    await db.destroy();
    await cleanup();
  });
  beforeEach(async () => {
    now = Date.now();
    token = await emulator.login("alice");
    receiver.requests.length = 0;
    await emulator.call("DELETE", "/__emulator/smn/messages");
    await db.deleteFrom("notification_outbox").execute();
    await db.deleteFrom("webhooks").execute();
    await db
      .insertInto("webhooks")
      .values({
        id: "hook-1",
        account_id: DEMO.acme,
        name: "ops",
        url: receiver.url,
        preset: "generic",
        secret_ciphertext: encryptToken(SECRET, key),
        enabled: 1,
        created_by: "alice",
        created_at: now,
      })
      .execute();
  });

  it("signs the POST, retries after two 500s with the same idempotency key, and publishes to SMN in Chinese", async () => {
    const topic = DEMO_TOPICS.imshareAlerts;
    await saveSettings(
      db,
      DEMO.acme,
      {
        ...DEFAULT_SETTINGS,
        language: "zh-CN",
        smn: { topicUrn: topic, projectId: DEMO.acmeAp, region: "ap-southeast-1" },
      },
      "alice",
    );
    await db.transaction().execute((tx) => enqueue(tx, notice()));
    receiver.failNext(2);
    const d = deliverer();

    expect(await d.tick()).toBe(1); // SMN took it; the webhook answered 500
    now += 1_000;
    expect(await d.tick()).toBe(0); // second 500, after the first backoff
    now += 2_000;
    expect(await d.tick()).toBe(1);
    expect(receiver.requests.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
    expect(new Set(receiver.requests.map((r) => r.headers["idempotency-key"])).size).toBe(1);
    const body = receiver.requests[2].json as { type: string; title: string; link: string; text: string };
    expect(body).toMatchObject({
      type: "batch.finished",
      title: "批量任务已完成",
      link: "https://imshare.example.com/batches/b-1",
    });

    const rows = await db.selectFrom("notification_outbox").selectAll().orderBy("channel").execute();
    expect(rows.map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ["smn", "delivered", 1],
      ["webhook", "delivered", 3],
    ]);
    const published = (await emulator.call("GET", "/__emulator/smn/messages")).body.messages;
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ topic_urn: topic, subject: "批量任务已完成" });
    expect(published[0].message).toContain("alice 的批量任务已完成");
  });

  it("gives a delivery up after its attempts, keeping the last answer", async () => {
    await saveSettings(db, DEMO.acme, DEFAULT_SETTINGS, "alice");
    await db.transaction().execute((tx) => enqueue(tx, notice()));
    receiver.failNext(3, 503);
    const d = deliverer(3);
    for (let i = 0; i < 3; i++) {
      await d.tick();
      now += 10_000;
    }
    const row = await db.selectFrom("notification_outbox").selectAll().executeTakeFirstOrThrow();
    expect([row.status, row.attempts, row.last_status]).toEqual(["failed", 3, 503]);
    expect(row.last_error).toMatch(/503/);
  });

  it("writes nothing for an event the account switched off, or for an account with no channel", async () => {
    await saveSettings(
      db,
      DEMO.acme,
      { ...DEFAULT_SETTINGS, events: { ...DEFAULT_SETTINGS.events, "batch.finished": false } },
      "alice",
    );
    expect(await db.transaction().execute((tx) => enqueue(tx, notice()))).toBe(0);
    await db.deleteFrom("webhooks").execute();
    await saveSettings(db, DEMO.acme, DEFAULT_SETTINGS, "alice");
    expect(await db.transaction().execute((tx) => enqueue(tx, notice()))).toBe(0);
  });
});
