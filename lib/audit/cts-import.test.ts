import type { Kysely } from "kysely";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALICE_ACTOR } from "./testing";
import { DEMO, acmeImageId } from "@/emulator/seed/demo";
import type { TestEmulator } from "@/emulator/testing";
import { emulatorPlaying, READINGS } from "@/lib/cloud/testing";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { Database } from "@/lib/db/types";
import { verifyChain } from "./chain";
import { writeAuditEvent } from "./writer";

/**
 * The CTS import against the emulator over loopback, on SQLite and PostgreSQL, with traces in either
 * reading of D1 (string or numeric codes, serialized or object bodies): member calls made outside the
 * console come in once, the console's own calls (actions and batch calls) never.
 */
const actor = ALICE_ACTOR;
const UBUNTU = acmeImageId(1);
const DEBIAN = acmeImageId(2);
const PHONE = "ac0e0000000000000000000000c9a002";

const cases = backends.flatMap((backend) => READINGS.map((reading) => ({ ...backend, backend, reading })));

describe.each(cases)("CTS import on $name, disputed rows read as $reading", ({ backend, reading }) => {
  const emulatorNow = emulatorPlaying(reading);
  let emulator: TestEmulator;
  let mod: typeof import("./cts-import");
  let ims: typeof import("@/lib/cloud/ims");
  beforeAll(async () => {
    [mod, ims] = await Promise.all([import("./cts-import"), import("@/lib/cloud/ims")]);
  });
  let db: Kysely<Database>;
  let alice: string;
  onMigratedDatabase(backend, (opened) => (db = opened));
  beforeEach(async () => {
    emulator = emulatorNow();
    emulator.reset();
    alice = await emulator.login("alice");
  });

  const scope = () => ({ token: alice, region: "ap-southeast-1", projectId: DEMO.acmeAp });
  const run = (opts: Partial<Parameters<typeof mod.importCtsTraces>[3]> = {}) =>
    mod.importCtsTraces(db, scope(), actor, { trigger: "manual", instanceId: "test", ...opts });
  const ctsEvents = () =>
    db
      .selectFrom("audit_events")
      .selectAll()
      .where("account_id", "=", DEMO.acme)
      .where("source", "=", "cts")
      .orderBy("seq")
      .execute();
  const cloud = async (method: string, path: string, body?: unknown, token = alice) => {
    const res = await emulator.call(method, path, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res;
  };

  it("imports shares, unshares and failures made outside the console once, in time order, with their source", async () => {
    const before = (await ctsEvents()).length;
    await cloud("POST", `/v2/images/${UBUNTU}/members`, { member: DEMO.initechAp });
    await cloud("POST", "/v1/cloudimages/members", { images: [DEBIAN], projects: [DEMO.umbrellaAp] });
    const failed = await emulator.call("POST", `/v2/images/${UBUNTU}/members`, {
      token: alice,
      body: { member: DEMO.initechAp },
    });
    expect(failed.status).toBe(409);
    await cloud("DELETE", `/v2/images/${UBUNTU}/members/${DEMO.initechAp}`);
    await cloud("POST", `/v1/${DEMO.acmeAp}/cloud-phone/images/${PHONE}/members`, { member: DEMO.globexAp });
    // The consumer's answer is traced in the consumer's project, not in acme's.
    await cloud(
      "PUT",
      `/v1/${DEMO.globexAp}/cloud-phone/images/${PHONE}/members`,
      { status: "accepted" },
      await emulator.login("bob"),
    );

    const result = await run();
    expect(result).toMatchObject({ status: "succeeded", imported: 5, known: 0 });
    const events = (await ctsEvents()).slice(before);
    expect(events.map((e) => [e.action, e.outcome, JSON.parse(e.images), JSON.parse(e.targets)])).toEqual([
      ["share", "succeeded", [UBUNTU], [DEMO.initechAp]],
      ["share", "succeeded", [DEBIAN], [DEMO.umbrellaAp]],
      ["share", "failed", [UBUNTU], [DEMO.initechAp]],
      ["unshare", "succeeded", [UBUNTU], [DEMO.initechAp]],
      ["share", "succeeded", [PHONE], [DEMO.globexAp]],
    ]);
    expect(
      events.every(
        (e) => e.user_name === "alice" && e.project_id === DEMO.acmeAp && e.external_id && e.upstream_request_id,
      ),
    ).toBe(true);
    expect(events[1].upstream_job_id).toMatch(/^[0-9a-f]{32}$/);
    expect(events[2].error_code).toBeTruthy();
    expect(events.map((e) => Number(e.occurred_at))).toEqual(
      [...events.map((e) => Number(e.occurred_at))].sort((a, b) => a - b),
    );

    const again = await run();
    expect(again).toMatchObject({ status: "succeeded", imported: 0, known: 5 });
    expect((await ctsEvents()).length).toBe(before + 5);
    expect(await mod.lastImport(db, DEMO.acme, DEMO.acmeAp)).toMatchObject({
      status: "succeeded",
      imported: 0,
      known: 5,
      user_name: "alice",
      lease_until: 0,
    });
    expect((await verifyChain(db, DEMO.acme)).ok).toBe(true);
  });

  it("recognises the console's own calls by request id: actions (several calls each, from its pages or its API) and batch calls", async () => {
    const before = (await ctsEvents()).length;
    const first = await ims.batchAddMembers(scope(), { images: [UBUNTU], projects: [DEMO.globexAp] });
    const second = await ims.batchAddMembers(scope(), { images: [DEBIAN], projects: [DEMO.globexAp] });
    await writeAuditEvent(db, {
      actor,
      action: "share",
      outcome: "succeeded",
      upstreamRequestId: `${first.requestId},${second.requestId}`,
    });
    // A change made through the HTTP API is the console's own too.
    const viaApi = await ims.batchAddMembers(scope(), { images: [DEBIAN], projects: [DEMO.umbrellaAp] });
    await writeAuditEvent(db, {
      actor,
      action: "share",
      source: "api",
      outcome: "succeeded",
      upstreamRequestId: viaApi.requestId,
    });
    const tracked = await ims.batchDeleteMembers(scope(), { images: [UBUNTU, DEBIAN], projects: [DEMO.globexAp] });
    const batchId = "b-cts-test";
    await db
      .insertInto("batches")
      .values({
        id: batchId,
        account_id: DEMO.acme,
        account_name: "acme",
        project_id: DEMO.acmeAp,
        project_name: "ap-southeast-1",
        region: "ap-southeast-1",
        user_id: DEMO.alice,
        user_name: "alice",
        operation: "unshare",
        status: "finished",
        status_message: null,
        images: "[]",
        targets: "[]",
        image_count: 2,
        target_count: 1,
        pair_count: 2,
        version: 1,
        lease_owner: null,
        lease_until: 0,
        waiting_since: null,
        reported_version: 0,
        created_at: Date.now(),
        updated_at: Date.now(),
        finished_at: Date.now(),
      })
      .execute();
    await db
      .insertInto("batch_calls")
      .values({
        id: "c-cts-test",
        batch_id: batchId,
        seq: 0,
        service: "ims",
        body: "{}",
        status: "done",
        job_id: tracked.jobId,
        request_id: tracked.requestId ?? null,
        job_status: "SUCCESS",
        progress: 100,
        error_code: null,
        error_message: null,
        polls: 1,
        failures: 0,
        next_poll_at: 0,
        created_at: Date.now(),
        updated_at: Date.now(),
        finished_at: Date.now(),
      })
      .execute();
    await cloud("POST", `/v2/images/${UBUNTU}/members`, { member: DEMO.initechAp });

    expect(await run()).toMatchObject({ status: "succeeded", imported: 1, known: 5 });
    const events = (await ctsEvents()).slice(before);
    expect(events.map((e) => [e.action, JSON.parse(e.targets)])).toEqual([["share", [DEMO.initechAp]]]);
  });

  it("leaves traces younger than the settle time for the next run", async () => {
    await cloud("POST", `/v2/images/${UBUNTU}/members`, { member: DEMO.initechAp });
    expect(await run({ settleMs: 60_000 })).toMatchObject({ status: "succeeded", imported: 0, known: 0 });
    expect(await run()).toMatchObject({ status: "succeeded", imported: 1 });
  });

  it("keeps other runs out while one holds the lease, and records a failure without moving the window", async () => {
    await cloud("POST", `/v2/images/${UBUNTU}/members`, { member: DEMO.initechAp });
    expect(await run()).toMatchObject({ status: "succeeded", imported: 1 });
    const covered = (await mod.lastImport(db, DEMO.acme, DEMO.acmeAp))!.covered_to;

    await db
      .updateTable("cts_imports")
      .set({ lease_owner: "other", lease_until: Date.now() + 60_000 })
      .where("project_id", "=", DEMO.acmeAp)
      .execute();
    expect(await run()).toEqual({ status: "busy" });
    await mod.recordSkipped(db, actor, "nobody", { instanceId: "test" });
    expect(await mod.lastImport(db, DEMO.acme, DEMO.acmeAp)).toMatchObject({
      status: "succeeded",
      lease_owner: "other",
    });
    await db.updateTable("cts_imports").set({ lease_until: 0 }).where("project_id", "=", DEMO.acmeAp).execute();

    const refused = await mod.importCtsTraces(db, { ...scope(), token: "not-a-token" }, actor, {
      trigger: "schedule",
      instanceId: "test",
    });
    expect(refused).toMatchObject({ status: "failed", code: "session_expired" });
    expect(await mod.lastImport(db, DEMO.acme, DEMO.acmeAp)).toMatchObject({
      status: "failed",
      trigger: "schedule",
      covered_to: covered,
      lease_until: 0,
    });

    await mod.recordSkipped(db, actor, "No signed-in user of this project.", { instanceId: "test" });
    expect(await mod.lastImport(db, DEMO.acme, DEMO.acmeAp)).toMatchObject({
      status: "skipped",
      error_message: "No signed-in user of this project.",
      covered_to: covered,
    });
  });
});
