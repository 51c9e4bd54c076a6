import type { ServerType } from "@hono/node-server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import { JOB_SPEEDS } from "@/emulator/core/config";
import { DEMO, acmeImageId } from "@/emulator/seed/demo";
import { serveForConsole, wrapEmulator, type TestEmulator } from "@/emulator/testing";
import { createEmulator } from "@/emulator/server";
import type { TokenSource } from "@/lib/batches/tokens";
import { migrate } from "@/lib/db/connect";
import { backends } from "@/lib/db/testing";
import type { Database } from "@/lib/db/types";
import { setLeases, activeLeases } from "@/lib/sharing/leases";
import { DEFAULT_SETTINGS } from "@/lib/notify/settings";
import { saveSettings } from "@/lib/notify/store";

/**
 * The lease scheduler against the emulator over loopback, on SQLite and on PostgreSQL: members whose
 * end came are removed and audited once, however many schedulers run; a setter with no token waits,
 * and says so; a member already gone ends the lease without a call; warnings go once per end date.
 */
const setter = ALICE_ACTOR;
const TARGETS = [DEMO.globexAp, DEMO.initechAp, DEMO.umbrellaAp];
const images = [acmeImageId(101), acmeImageId(102)];

let emulator: TestEmulator;
let server: ServerType;
let schedulerModule: typeof import("./scheduler");
beforeAll(async () => {
  emulator = wrapEmulator(createEmulator({ seed: "demo", config: { jobTiming: JOB_SPEEDS.instant } }));
  server = await serveForConsole(emulator);
  process.env.CLOUD_TIMEOUT_MS = "2000";
  schedulerModule = await import("./scheduler");
});
afterAll(() => {
  server.close();
  emulator.close();
});

describe.each(backends)("lease scheduler on $name", (backend) => {
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;
  let token: string | undefined;
  const tokens: TokenSource = {
    async tokenFor() {
      return token ? { token, expiresAt: Date.now() + 3600_000 } : undefined;
    },
    refused: () => {},
  };
  const scheduler = (instanceId: string) =>
    new schedulerModule.LeaseScheduler({ db, tokens, instanceId, claimMs: 5_000, log: () => {} });
  const members = async (imageId: string) =>
    (
      await emulator.call("GET", `/v2/images/${imageId}/members`, { token: await emulator.login("alice") })
    ).body.members.map((m: { member_id: string }) => m.member_id) as string[];
  const share = async (imageId: string, targets: string[]) => {
    const alice = await emulator.login("alice");
    for (const t of targets)
      await emulator.call("POST", `/v2/images/${imageId}/members`, { token: alice, body: { member: t } });
  };
  const lease = (imageId: string, targets: string[], endsAt: number) =>
    setLeases(
      db,
      "ims",
      targets.map((t) => ({
        imageId,
        imageName: `image ${imageId.slice(-3)}`,
        memberId: t,
        targetKind: "project",
        target: t,
      })),
      endsAt,
      setter,
    );

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    await migrate(db);
  });
  afterAll(async () => {
    await db.destroy();
    await cleanup();
  });
  beforeEach(async () => {
    emulator.reset();
    await emulator.call("PUT", "/__emulator/config", { body: { jobTiming: JOB_SPEEDS.instant } });
    token = await emulator.login("alice");
    await db.deleteFrom("share_leases").execute();
    await db.deleteFrom("notification_outbox").execute();
  });

  it("removes the members whose end came, once, across two schedulers, and audits each image once in the setter's name", async () => {
    await share(images[0], TARGETS);
    await share(images[1], TARGETS.slice(0, 1));
    await lease(images[0], TARGETS.slice(0, 2), Date.now() - 1_000);
    await lease(images[1], TARGETS.slice(0, 1), Date.now() - 1_000);
    await lease(images[0], TARGETS.slice(2), Date.now() + 3600_000);
    await saveSettings(db, DEMO.acme, DEFAULT_SETTINGS, "alice");
    await db
      .insertInto("webhooks")
      .values({
        id: "hook-1",
        account_id: DEMO.acme,
        name: "ops",
        url: "http://127.0.0.1:9/",
        preset: "generic",
        secret_ciphertext: "x",
        enabled: 1,
        created_by: "alice",
        created_at: Date.now(),
      })
      .execute();

    const ended = await Promise.all([scheduler("a").tick(), scheduler("b").tick()]);
    expect(ended[0] + ended[1]).toBe(3);
    expect(await members(images[0])).toEqual([DEMO.umbrellaAp]);
    expect(await members(images[1])).toEqual([]);
    expect((await activeLeases(db, DEMO.acmeAp)).map((l) => l.member_id)).toEqual([DEMO.umbrellaAp]);

    const events = await db.selectFrom("audit_events").selectAll().where("action", "=", "lease_ended").execute();
    expect(events).toHaveLength(2);
    expect(events.map((e) => [e.source, e.user_name, e.outcome])).toEqual([
      ["lease", "alice", "succeeded"],
      ["lease", "alice", "succeeded"],
    ]);
    expect(events.flatMap((e) => JSON.parse(e.targets) as string[]).sort()).toEqual(
      [DEMO.globexAp, DEMO.initechAp, DEMO.globexAp].sort(),
    );
    // Each ended image gives one delivery to the account's webhook, written with its event; the lease that
    // ends within the account's three days is announced once.
    const outbox = async () =>
      (await db.selectFrom("notification_outbox").select("event_type").execute()).map((o) => o.event_type).sort();
    expect(await outbox()).toEqual(["lease.ended", "lease.ended", "lease.ending"]);

    expect(await scheduler("a").tick()).toBe(0);
    expect(await outbox()).toHaveLength(3);
    await db.deleteFrom("webhooks").execute();
  });

  it("leaves a lease whose setter has no token waiting, says so, and ends it once they sign in", async () => {
    await share(images[0], TARGETS.slice(0, 1));
    await lease(images[0], TARGETS.slice(0, 1), Date.now() - 1_000);
    token = undefined;
    expect(await scheduler("a").tick()).toBe(0);
    const [waiting] = await activeLeases(db, DEMO.acmeAp);
    expect(waiting.waiting_since).toBeGreaterThan(0);
    expect(JSON.parse(waiting.status_message!)).toEqual({
      key: "leases.status.waitingForSignIn",
      values: { user: "alice" },
    });
    expect(await members(images[0])).toEqual([DEMO.globexAp]);

    token = await emulator.login("alice");
    await db.updateTable("share_leases").set({ next_attempt_at: 0 }).execute();
    expect(await scheduler("a").tick()).toBe(1);
    expect(await members(images[0])).toEqual([]);
  });

  it("ends a lease whose member is already gone without a call, as gone", async () => {
    await lease(images[1], TARGETS.slice(1, 2), Date.now() - 1_000);
    expect(await scheduler("a").tick()).toBe(1);
    const row = await db.selectFrom("share_leases").selectAll().executeTakeFirstOrThrow();
    expect([row.status, row.end_outcome]).toEqual(["ended", "gone"]);
  });
});
