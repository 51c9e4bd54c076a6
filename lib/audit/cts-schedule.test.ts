import type { ServerType } from "@hono/node-server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, acmeImageId } from "@/emulator/seed/demo";
import { createEmulator } from "@/emulator/server";
import { serveForConsole, wrapEmulator, type TestEmulator } from "@/emulator/testing";
import { deriveTokenKey } from "@/lib/auth/crypto";
import { SessionStore } from "@/lib/auth/session-store";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";

/** The scheduled import on both databases: signed-in projects are imported, others skipped, two instances never import twice. */
let emulator: TestEmulator;
let server: ServerType;
let schedule: typeof import("./cts-schedule");
let iam: typeof import("@/lib/cloud/iam");
beforeAll(async () => {
  emulator = wrapEmulator(createEmulator({ seed: "demo" }));
  server = await serveForConsole(emulator);
  [schedule, iam] = await Promise.all([import("./cts-schedule"), import("@/lib/cloud/iam")]);
});
afterAll(() => {
  server.close();
  emulator.close();
});

describe.each(backends)("scheduled CTS import on $name", (backend) => {
  let db: Kysely<Database>;
  onMigratedDatabase(backend, (opened) => (db = opened));

  it("imports each signed-in project once across two instances, and records a skip where nobody is signed in", async () => {
    emulator.reset();
    const store = new SessionStore(db, deriveTokenKey("x".repeat(40)));
    const signIn = await iam.createTokenByPassword(
      { account: "acme", user: "alice", password: "alice-demo-2026", project: "ap-southeast-1" },
      "ap-southeast-1",
    );
    await store.create(signIn.token, signIn.body);
    await emulator.call("POST", `/v2/images/${acmeImageId(1)}/members`, {
      token: signIn.token,
      body: { member: DEMO.initechAp },
    });
    await db
      .insertInto("cts_imports")
      .values({
        account_id: DEMO.acme,
        project_id: DEMO.acmeCn,
        project_name: "cn-north-4",
        region: "cn-north-4",
        status: "succeeded",
        trigger: "manual",
        imported: 0,
        known: 0,
        lease_until: 0,
        started_at: 1,
      })
      .execute();

    const options = { db, sessions: async () => store, intervalMs: 60_000, settleMs: 0, log: () => {} };
    const [a, b] = [
      new schedule.CtsImportSchedule({ ...options, instanceId: "a" }),
      new schedule.CtsImportSchedule({ ...options, instanceId: "b" }),
    ];
    await Promise.all([a.tick(), b.tick()]);

    const rows = await db.selectFrom("cts_imports").selectAll().orderBy("project_id").execute();
    expect(rows.map((r) => [r.project_id, r.status, r.trigger, r.user_name, r.imported])).toEqual([
      [DEMO.acmeAp, "succeeded", "schedule", "alice", 1],
      [DEMO.acmeCn, "skipped", "schedule", null, 0],
    ]);
    expect(rows[1].error_message).toBe(schedule.NO_SESSION);
    const imported = await db.selectFrom("audit_events").select("external_id").where("source", "=", "cts").execute();
    expect(imported).toHaveLength(1);

    // Not due again before the interval has passed.
    await a.tick();
    expect(
      (
        await db
          .selectFrom("cts_imports")
          .select("started_at")
          .where("project_id", "=", DEMO.acmeAp)
          .executeTakeFirstOrThrow()
      ).started_at,
    ).toBe(rows[0].started_at);
    expect(schedule.nextRunAt(rows[0].started_at, 60_000, Number(rows[0].started_at))).toBe(
      Number(rows[0].started_at) + 60_000,
    );
  });
});
