import type { ServerType } from "@hono/node-server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@/emulator/seed/demo";
import { createEmulator } from "@/emulator/server";
import { serveForConsole, wrapEmulator, type TestEmulator } from "@/emulator/testing";
import { migrate } from "@/lib/db/connect";
import { backends } from "@/lib/db/testing";
import type { Database } from "@/lib/db/types";
import { DEFAULT_SETTINGS } from "@/lib/notify/settings";
import { saveSettings, type StoredNotice } from "@/lib/notify/store";
import { renderNotice } from "./render";

/**
 * The watcher of incoming shares: acme's pending incoming images are announced once, with how long they
 * waited, in the account's language; a second pass says nothing new.
 */
let emulator: TestEmulator;
let server: ServerType;
let watch: typeof import("./incoming").watchIncoming;
beforeAll(async () => {
  emulator = wrapEmulator(createEmulator({ seed: "demo" }));
  server = await serveForConsole(emulator);
  ({ watchIncoming: watch } = await import("./incoming"));
});
afterAll(() => {
  server.close();
  emulator.close();
});

describe.each(backends.slice(0, 1))("incoming watcher on $name", (backend) => {
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    await migrate(db);
  });
  afterAll(async () => {
    await db.destroy();
    await cleanup();
  });

  it("announces acme's waiting shares once, saying how long they waited", async () => {
    const token = await emulator.login("alice");
    const sessions = {
      activeProjects: async () => [
        { accountId: DEMO.acme, projectId: DEMO.acmeAp, projectName: "ap-southeast-1", region: "ap-southeast-1" },
      ],
      latestInProject: async () => ({ token, accountName: "acme", userName: "alice" }),
    };
    await saveSettings(db, DEMO.acme, { ...DEFAULT_SETTINGS, incomingWaitHours: 0, language: "zh-CN" }, "alice");
    await db
      .insertInto("webhooks")
      .values({
        id: "h",
        account_id: DEMO.acme,
        name: "ops",
        url: "https://example.com/",
        preset: "generic",
        secret_ciphertext: "x",
        enabled: 1,
        created_by: "alice",
        created_at: 0,
      })
      .execute();
    const first = await watch(db, sessions);
    expect(first).toBeGreaterThan(0);
    expect(await watch(db, sessions)).toBe(0);
    const rows = await db.selectFrom("notification_outbox").selectAll().execute();
    expect(rows.map((r) => r.event_type)).toEqual(["incoming.waiting"]);
    const event = renderNotice(rows[0].id, JSON.parse(rows[0].payload) as StoredNotice, undefined);
    expect(event.title).toBe("共享等待答复");
    expect(event.text).toMatch(/已等待答复 \d+ ?(小时|天)/);
    expect(event.link).toBe("/incoming");
  });

  it("says dates in the account's language, in UTC", () => {
    const notice: StoredNotice = {
      type: "lease.ending",
      accountId: DEMO.acme,
      accountName: "acme",
      title: { key: "notify.events.leaseEnding.title" },
      text: {
        key: "notify.events.leaseEnding.text",
        values: { image: "web", count: 2, when: Date.UTC(2026, 11, 24, 9, 30), user: "alice" },
      },
      data: {},
      occurredAt: 0,
      language: "en",
    };
    expect(renderNotice("id", notice, "https://console.example.com/").text).toBe(
      "2 members of web lose access on Dec 24, 2026, 09:30 AM UTC (end date set by alice).",
    );
  });
});
