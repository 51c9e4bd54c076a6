import type { ServerType } from "@hono/node-server";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALICE_ACTOR } from "@/lib/audit/testing";
import { JOB_SPEEDS } from "@/emulator/core/config";
import { DEMO, acmeImageId } from "@/emulator/seed/demo";
import { serveForConsole, wrapEmulator, type TestEmulator } from "@/emulator/testing";
import { createEmulator } from "@/emulator/server";
import { migrate } from "@/lib/db/connect";
import { backends } from "@/lib/db/testing";
import type { Database } from "@/lib/db/types";
import type { Target } from "@/lib/sharing/targets";
import { createRequest, decideRequest } from "@/lib/policy/approvals";
import { NO_POLICY } from "@/lib/policy/policy";
import { savePolicy } from "@/lib/policy/store";
import { updateCall } from "./call-store";
import { giveUpJobs } from "./give-up";
import { createBatch, getBatch, pairsSince, retryFailed } from "./store";
import type { TokenSource } from "./tokens";
import type { BatchImage, NewBatch, NewBatchPair } from "./types";

/**
 * The tracker against the emulator over loopback, on SQLite and on PostgreSQL: real batch calls,
 * real jobs (applied pair by pair), injected failures, a lost answer, a token that expires, and two
 * trackers sharing one database.
 */
const actor = ALICE_ACTOR;
const SCOPE = { accountId: DEMO.acme, projectId: DEMO.acmeAp };
const PROJECTS = [DEMO.globexAp, DEMO.initechAp, DEMO.umbrellaAp];
const projectTargets: Target[] = PROJECTS.map((p) => ({ kind: "project", value: p, memberId: p }));
const appImages = (n: number): BatchImage[] =>
  Array.from({ length: n }, (_, i) => ({
    id: acmeImageId(101 + i),
    name: `app-${String(i + 1).padStart(2, "0")}`,
    service: "ims",
  }));

function everyPair(images: BatchImage[], targets: Target[]): NewBatchPair[] {
  return images.flatMap((_, image) => targets.map((_, target) => ({ image, target, status: "waiting" as const })));
}

// One emulator for the file: the console's env (its endpoint) is read once per process.
let emulator: TestEmulator;
let server: ServerType;
let trackerModule: typeof import("./tracker");
beforeAll(async () => {
  emulator = wrapEmulator(createEmulator({ seed: "demo", config: { jobTiming: JOB_SPEEDS.instant } }));
  server = await serveForConsole(emulator);
  process.env.CLOUD_TIMEOUT_MS = "2000";
  trackerModule = await import("./tracker");
});
afterAll(() => {
  server.close();
  emulator.close();
});

describe.each(backends)("batch tracker on $name", (backend) => {
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;
  let token: string | undefined;
  const refused: string[] = [];
  const tokens: TokenSource = {
    async tokenFor() {
      return token && !refused.includes(token) ? { token, expiresAt: Date.now() + 3600_000 } : undefined;
    },
    refused: (t) => void refused.push(t),
  };
  const trackers: InstanceType<typeof trackerModule.Tracker>[] = [];
  const tracker = (options: Partial<ConstructorParameters<typeof trackerModule.Tracker>[0]> = {}) => {
    const t = new trackerModule.Tracker({
      db,
      tokens,
      pollMs: 20,
      tickMs: 20,
      leaseMs: 2_000,
      lostAnswerGraceMs: 0,
      log: () => {},
      ...options,
    });
    trackers.push(t);
    return t;
  };
  const launch = (batch: Partial<NewBatch> & Pick<NewBatch, "images" | "targets">) =>
    createBatch(db, { actor, operation: "share", pairs: everyPair(batch.images, batch.targets), ...batch });
  const membersOf = async (imageId: string) =>
    (
      await emulator.call("GET", `/v2/images/${imageId}/members`, { token: await emulator.login("alice") })
    ).body.members.map((m: { member_id: string }) => m.member_id);

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    await migrate(db);
  });
  afterAll(async () => {
    await Promise.all(trackers.map((t) => t.stop()));
    await db.destroy();
    await cleanup();
  });
  beforeEach(async () => {
    await Promise.all(trackers.splice(0).map((t) => t.stop()));
    emulator.reset();
    await emulator.call("PUT", "/__emulator/config", { body: { jobTiming: JOB_SPEEDS.instant } });
    refused.length = 0;
    token = await emulator.login("alice");
  });

  it("shares 10 images with 3 projects; one pair made to fail ends 29 done, 1 failed, and a retry completes it", async () => {
    const images = appImages(10);
    await emulator.call("POST", "/__emulator/faults/jobs", {
      body: {
        kind: "fail-pairs",
        pairs: [{ image_id: images[3].id, target: DEMO.initechAp }],
        code: "IMG.0112",
        times: 1,
      },
    });
    const id = await launch({ images, targets: projectTargets });
    const t = tracker().start();
    await t.drain();

    let batch = await getBatch(db, id, SCOPE);
    expect(batch?.status).toBe("finished");
    expect(batch?.counts).toMatchObject({ succeeded: 29, failed: 1, waiting: 0, running: 0 });
    const failed = (await pairsSince(db, id)).filter((p) => p.status === "failed");
    expect(failed).toMatchObject([{ imageId: images[3].id, target: DEMO.initechAp, code: "IMG.0112", attempt: 1 }]);
    expect(failed[0].reason).toBeTruthy();
    expect(await membersOf(images[3].id)).toEqual(expect.arrayContaining([DEMO.globexAp, DEMO.umbrellaAp]));
    expect(await membersOf(images[3].id)).not.toContain(DEMO.initechAp);

    const first = await db.selectFrom("audit_events").selectAll().where("action", "=", "batch_finished").execute();
    expect(first).toHaveLength(1);
    expect(first[0].outcome).toBe("partial");
    expect(JSON.parse(first[0].pairs)).toHaveLength(30);
    expect(first[0].upstream_job_id).toMatch(/^[0-9a-f]{32}$/);

    expect(await retryFailed(db, id)).toBe(1);
    await t.drain();
    batch = await getBatch(db, id, SCOPE);
    expect(batch?.counts).toMatchObject({ succeeded: 30, failed: 0 });
    expect(await membersOf(images[3].id)).toContain(DEMO.initechAp);
    const events = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "batch_finished")
      .orderBy("seq")
      .execute();
    expect(events).toHaveLength(2);
    // The retry's event reports the one pair it sent, not the 29 reported before.
    expect(JSON.parse(events[1].pairs)).toEqual([
      { image: images[3].id, target: DEMO.initechAp, outcome: "succeeded" },
    ]);
    expect(events[1].outcome).toBe("succeeded");
  });

  it("sends one call per group of images with the same targets, at most chunk-size images a call", async () => {
    const images = appImages(12);
    const id = await launch({ images, targets: projectTargets });
    emulator.stats.reset();
    await tracker({ chunkImages: 5 }).start().drain();
    expect((await getBatch(db, id, SCOPE))?.counts.succeeded).toBe(36);
    const calls = await db.selectFrom("batch_calls").selectAll().where("batch_id", "=", id).orderBy("seq").execute();
    expect(calls.map((c) => JSON.parse(c.body).images.length)).toEqual([5, 5, 2]);
    expect(calls.every((c) => c.job_id && c.status === "done")).toBe(true);
    expect(emulator.stats.snapshot().routes["POST /v1/cloudimages/members"]).toBe(3);
  });

  it("unshares, treating a pair that is no longer a member as done", async () => {
    const image = { id: acmeImageId(2), name: "debian-12-base", service: "ims" as const };
    const id = await launch({ operation: "unshare", images: [image], targets: projectTargets.slice(0, 2) });
    await tracker().start().drain();
    expect((await getBatch(db, id, SCOPE))?.counts.succeeded).toBe(2);
    expect(await membersOf(image.id)).toEqual([]);
  });

  it("shares CPH images one call per pair and records the cloud's refusal for a full image", async () => {
    const images: BatchImage[] = [
      { id: "ac0e0000000000000000000000c9a002", name: "cph-android12-base", service: "cph" },
      { id: "ac0e0000000000000000000000c9a003", name: "cph-at-limit", service: "cph" },
    ];
    const id = await launch({ images, targets: projectTargets.slice(0, 2) });
    await tracker().start().drain();
    const pairs = await pairsSince(db, id);
    expect(pairs.filter((p) => p.imageId === images[0].id).map((p) => p.status)).toEqual(["succeeded", "succeeded"]);
    expect(pairs.filter((p) => p.imageId === images[1].id).every((p) => p.status === "failed" && p.code)).toBe(true);
    expect(await db.selectFrom("batch_calls").select("id").where("batch_id", "=", id).execute()).toHaveLength(4);
  });

  it("makes calls reading B of section 14 accepts: batch bodies without empty arrays (D5), CPH calls as documented", async () => {
    await emulator.call("PUT", "/__emulator/config", { body: { disputed: "B" } });
    const images: BatchImage[] = [
      ...appImages(2),
      { id: "ac0e0000000000000000000000c9a002", name: "cph-android12-base", service: "cph" },
    ];
    const id = await launch({ images, targets: projectTargets.slice(0, 2) });
    await tracker().start().drain();
    expect((await getBatch(db, id, SCOPE))?.counts).toMatchObject({ succeeded: 6, failed: 0 });
    const calls = await db
      .selectFrom("batch_calls")
      .selectAll()
      .where("batch_id", "=", id)
      .where("service", "=", "ims")
      .execute();
    expect(calls.map((c) => Object.keys(JSON.parse(c.body)).sort())).toEqual([["images", "projects"]]);
  });

  it("waits for a sign-in when the token is refused, and resumes with the new one", async () => {
    const id = await launch({ images: appImages(2), targets: projectTargets });
    const expired = token as string;
    await emulator.call("POST", "/__emulator/clock", { body: { advanceMs: 25 * 3600_000 } });
    const t = tracker().start();
    await expect.poll(async () => (await getBatch(db, id, SCOPE))?.status).toBe("waiting_for_sign_in");
    expect((await getBatch(db, id, SCOPE))?.statusMessage).toMatch(/sign in/);
    expect(refused).toContain(expired);
    token = await emulator.login("alice");
    await t.drain();
    expect((await getBatch(db, id, SCOPE))?.counts.succeeded).toBe(6);
  });

  it("names the project to sign in to when IAM would not re-scope the user's other sessions (D7)", async () => {
    const id = await launch({ images: appImages(1), targets: projectTargets.slice(0, 1) });
    const saved = token;
    token = undefined;
    const t = tracker({ tokens: { ...tokens, rescopeRefused: () => true } }).start();
    await expect.poll(async () => (await getBatch(db, id, SCOPE))?.status).toBe("waiting_for_sign_in");
    expect((await getBatch(db, id, SCOPE))?.statusMessage).toMatch(
      /^Waiting for alice to sign in to ap-southeast-1: IAM would not move their session/,
    );
    token = saved;
    await t.drain();
    expect((await getBatch(db, id, SCOPE))?.counts.succeeded).toBe(1);
  });

  it("settles a call whose answer was lost by reading the members, and sends the rest again", async () => {
    const images = appImages(2);
    const id = await launch({ images, targets: projectTargets.slice(0, 1) });
    // As if the console died after recording the call: the cloud applied the first image only.
    await emulator.call("POST", "/__emulator/members", {
      body: { image_id: images[0].id, member_id: DEMO.globexAp, status: "pending" },
    });
    await db
      .insertInto("batch_calls")
      .values({
        id: "c1",
        batch_id: id,
        seq: 1,
        service: "ims",
        body: "{}",
        status: "sending",
        job_id: null,
        request_id: null,
        job_status: null,
        progress: 0,
        error_code: null,
        error_message: null,
        polls: 0,
        failures: 0,
        next_poll_at: 0,
        created_at: Date.now(),
        updated_at: Date.now(),
        finished_at: null,
      })
      .execute();
    await db
      .updateTable("batch_pairs")
      .set({ status: "sending", call_id: "c1", attempt: 1 })
      .where("batch_id", "=", id)
      .execute();
    emulator.stats.reset();
    await tracker().start().drain();
    const pairs = await pairsSince(db, id);
    expect(pairs.map((p) => [p.status, p.attempt])).toEqual([
      ["succeeded", 1],
      ["succeeded", 2],
    ]);
    expect(pairs[0].reason).toMatch(/answer was lost/);
    // Only the missing pair was sent again.
    expect(emulator.stats.snapshot().routes["POST /v1/cloudimages/members"]).toBe(1);
  });

  it("reads a stuck job's pairs from the members as soon as the user gives up waiting, and sends them again", async () => {
    emulator.faults.addJob({ kind: "stuck", times: 1 });
    const id = await launch({ images: appImages(2), targets: projectTargets });
    const t = tracker({ jobTimeoutMs: 600_000 }).start();
    const running = async () =>
      (await db.selectFrom("batch_calls").selectAll().where("batch_id", "=", id).execute()).filter(
        (c) => c.job_status === "RUNNING",
      );
    await expect.poll(async () => (await running()).length).toBe(1);
    const [stuck] = await running();
    expect(await giveUpJobs(db, id)).toBe(6);
    // A read of the job that was under way when the user gave up cannot put it back to running.
    expect(await updateCall(db, stuck.id, { status: "running", updated_at: Date.now() }, "running")).toBe(false);
    await t.drain();
    const pairs = await pairsSince(db, id);
    expect(pairs.map((p) => [p.status, p.attempt])).toEqual(Array(6).fill(["succeeded", 2]));
    const calls = await db.selectFrom("batch_calls").selectAll().where("batch_id", "=", id).orderBy("seq").execute();
    expect(calls[0]).toMatchObject({ status: "done", error_code: "job_given_up" });
    expect(await giveUpJobs(db, id)).toBe(0);
  });

  it("lets one of two trackers poll each job, and the other take over when the holder dies", async () => {
    await emulator.call("PUT", "/__emulator/config", { body: { jobTiming: { initMs: 100, itemMs: 40, maxRunMs: 0 } } });
    const id = await launch({ images: appImages(10), targets: projectTargets });
    const a = tracker({ instanceId: "a", leaseMs: 400 }).start();
    const b = tracker({ instanceId: "b", leaseMs: 400 }).start();
    await expect
      .poll(
        async () =>
          (
            await db
              .selectFrom("batch_calls")
              .select("job_id")
              .where("batch_id", "=", id)
              .where("job_id", "is not", null)
              .execute()
          ).length,
      )
      .toBeGreaterThan(0);
    const holder = (await db.selectFrom("batches").select("lease_owner").where("id", "=", id).executeTakeFirstOrThrow())
      .lease_owner;
    expect(["a", "b"]).toContain(holder);
    // The holder dies without letting go; the other waits for the lease to run out, then finishes.
    (holder === "a" ? a : b).halt();
    await (holder === "a" ? b : a).drain();
    const batch = await getBatch(db, id, SCOPE);
    expect(batch?.counts.succeeded).toBe(30);
    expect(
      (await db.selectFrom("batches").select("lease_owner").where("id", "=", id).executeTakeFirstOrThrow()).lease_owner,
    ).toBeNull();
  });

  it("asks the enforced sharing policy again before it sends: pairs now denied, or held for an approval no one gave, are blocked", async () => {
    const images = appImages(2).map((image, k) => (k === 0 ? { ...image, name: "golden-base" } : image));
    const policy = { ...NO_POLICY, mode: "enforce" as const, otherwise: "approve" as const, lockedNames: ["golden-*"] };
    await savePolicy(db, DEMO.acme, policy, "alice");
    try {
      const held = await launch({ images, targets: projectTargets });
      const t = tracker().start();
      await t.drain();
      expect((await pairsSince(db, held)).map((p) => [p.status, p.code])).toEqual(
        Array.from({ length: 6 }, () => ["blocked", "policy_denied"]),
      );
      expect(await membersOf(images[1].id)).toEqual([]);

      // Launched by an approval: what needed approval goes, what the policy denies still does not. The batch
      // links its request as it is recorded, so the running tracker never sees it without its approval.
      const request = await createRequest(db, {
        accountId: DEMO.acme,
        projectId: DEMO.acmeAp,
        projectName: "ap-southeast-1",
        region: "ap-southeast-1",
        requestedById: "alice",
        requestedByName: "alice",
        reason: "proof of concept",
        plan: {
          input: { imageIds: images.map((i) => i.id), targets: PROJECTS.join("\n"), kind: "project" },
          pairs: [],
        },
        ttlMs: 3_600_000,
      });
      await decideRequest(db, {
        accountId: DEMO.acme,
        id: request,
        status: "approved",
        byId: "arthur",
        byName: "arthur",
        note: null,
      });
      const approvedBatch = await launch({ images, targets: projectTargets, approvalRequestId: request });
      await t.drain();
      const pairs = await pairsSince(db, approvedBatch);
      expect(pairs.filter((p) => p.imageId === images[0].id).map((p) => p.status)).toEqual([
        "blocked",
        "blocked",
        "blocked",
      ]);
      expect(pairs.filter((p) => p.imageId === images[1].id).map((p) => p.status)).toEqual([
        "succeeded",
        "succeeded",
        "succeeded",
      ]);
    } finally {
      await savePolicy(db, DEMO.acme, NO_POLICY, "alice");
    }
  });
});
