import type { ServerType } from "@hono/node-server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mergeConfig } from "@/emulator/core/config";
import { DEMO, acmeImageId } from "@/emulator/seed/demo";
import { createEmulator } from "@/emulator/server";
import { serveForConsole, wrapEmulator, type TestEmulator } from "@/emulator/testing";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";

const PENDING = "610be000-0000-4000-8000-000000000001";
const REJECTED = "610be000-0000-4000-8000-000000000003";

/** The reconciler settles an interrupted accept as the recipient, whichever way the cloud answers its member reads (D3). */
let emulator: TestEmulator;
let server: ServerType;
let intents: typeof import("./intents");
beforeAll(async () => {
  emulator = wrapEmulator(
    createEmulator({ seed: "demo", config: { jobTiming: { initMs: 0, itemMs: 0, maxRunMs: 0 } } }),
  );
  server = await serveForConsole(emulator);
  intents = await import("./intents");
});
afterAll(() => {
  server.close();
  emulator.close();
});

describe.each(backends)("intent reconciler on $name", (backend) => {
  let db: Kysely<Database>;
  onMigratedDatabase(backend, (opened) => (db = opened));
  beforeEach(() => emulator.reset());

  it.each(["A", "B"] as const)(
    "settles an interrupted accept from the recipient's own membership, reading %s",
    async (reading) => {
      emulator.emu.config = mergeConfig(emulator.emu.config, { disputed: { recipientMemberRead: reading } });
      const token = await emulator.login("alice");
      // The console sent the accept of one image and died before writing its audit event.
      const sent = await emulator.call("PUT", "/v1/cloudimages/members", {
        token,
        body: { images: [PENDING], project_id: DEMO.acmeAp, status: "accepted" },
      });
      expect(sent.status).toBe(200);
      const plan = {
        service: "ims" as const,
        expect: "accepted" as const,
        pairs: [PENDING, REJECTED].map((image) => ({ image, target: DEMO.acmeAp })),
      };
      const id = await intents.recordIntent(
        db,
        { action: "accept", actor: ALICE_ACTOR, input: { reading }, plan },
        "dead",
        1,
        Date.now() - 5_000,
      );

      const tokens = { tokenFor: async () => ({ token, expiresAt: Date.now() + 3_600_000 }), refused: () => {} };
      const settled = await intents.reconcileIntents({
        db,
        tokens,
        instanceId: "live",
        leaseMs: 60_000,
        settleMs: 0,
        jobTimeoutMs: 60_000,
      });

      expect(settled).toBe(1);
      expect(
        await db.selectFrom("action_intents").select("id").where("id", "=", id).executeTakeFirst(),
      ).toBeUndefined();
      const event = await db
        .selectFrom("audit_events")
        .selectAll()
        .where("action", "=", "accept")
        .orderBy("occurred_at", "desc")
        .executeTakeFirstOrThrow();
      expect(event.outcome).toBe("partial");
      expect(JSON.parse(event.pairs)).toEqual([
        { image: PENDING, target: DEMO.acmeAp, outcome: "succeeded" },
        { image: REJECTED, target: DEMO.acmeAp, outcome: "failed", code: "not_applied" },
      ]);
    },
  );

  it("reads a change not applied yet again, up to three settle periods, before recording it as failed", async () => {
    const token = await emulator.login("alice");
    const started = Date.now();
    const plan = {
      service: "ims" as const,
      expect: "present" as const,
      pairs: [{ image: acmeImageId(1), target: DEMO.globexAp }],
    };
    const id = await intents.recordIntent(
      db,
      { action: "share", actor: ALICE_ACTOR, input: {}, plan },
      "dead",
      1,
      started,
    );
    const tokens = { tokenFor: async () => ({ token, expiresAt: started + 3_600_000 }), refused: () => {} };
    const pass = (at: number) =>
      intents.reconcileIntents({
        db,
        tokens,
        instanceId: "live",
        leaseMs: 60_000,
        settleMs: 1_000,
        jobTimeoutMs: 60_000,
        now: () => at,
      });
    // Not a member yet, two settle periods in: a job the console never heard of may still add it.
    expect(await pass(started + 2_000)).toBe(0);
    expect(await db.selectFrom("action_intents").select("id").where("id", "=", id).executeTakeFirst()).toBeDefined();
    expect(await pass(started + 3_001)).toBe(1);
    const event = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "share")
      .orderBy("occurred_at", "desc")
      .executeTakeFirstOrThrow();
    expect(event.outcome).toBe("failed");
  });
});
