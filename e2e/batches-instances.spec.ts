import { sql } from "kysely";
import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { openDatabase } from "../lib/db/connect";
import { freshSqlite, startConsole, type ConsoleProcess } from "./consoles";
import { expect, emulator, queryFile, test } from "./fixtures";
import { BatchesPage, BatchPage, launchTenByThree } from "./pages/batches";
import { ImagePage } from "./pages/images";

/**
 * Batches survive their console: a restart in the middle of a batch, and two consoles on one
 * PostgreSQL database where the one tracking a batch is killed. Each test runs its own `next start`
 * processes beside the main one (same build, same emulator). Their databases are their own, so each
 * test signs in on them itself.
 */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3110);
const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const consoles: ConsoleProcess[] = [];

test.beforeEach(async () => {
  await emulator.reset();
  await emulator.resetStats();
  // Five calls of two images (IMS_BATCH_CHUNK_SIZE=2 below), each job about 2 s.
  await emulator.put("/config", { jobTiming: { initMs: 400, itemMs: 250, maxRunMs: 0 } });
});
test.afterEach(async () => {
  await Promise.all(consoles.splice(0).map((c) => c.kill()));
});

async function signIn(page: import("@playwright/test").Page, login: import("./fixtures").LoginPage, base: string) {
  await login.goto(`${base}/login`);
  await login.signIn("alice");
  await expect(page).toHaveURL(`${base}/`);
}

/** Which instance made each read of each job, from the emulator's record (the User-Agent names it). */
async function jobPolls(): Promise<Record<string, { at: number; instance: string }[]>> {
  const stats = await (await fetch(`${emulator.url}/__emulator/stats`)).json();
  return Object.fromEntries(
    Object.entries(stats.jobPolls as Record<string, { at: number; client: string }[]>).map(([job, polls]) => [
      job,
      polls.map((p) => ({ at: p.at, instance: /instance ([^)]+)\)/.exec(p.client)?.[1] ?? p.client })),
    ]),
  );
}

test("a console restarted in the middle of a batch resumes it, and every pair's outcome is recorded", async ({
  page,
  login,
}) => {
  const databaseUrl = freshSqlite("e2e-restart.db");
  const c = await startConsole({
    port: BASE_PORT + 11,
    databaseUrl,
    instanceId: "restart",
    env: { IMS_BATCH_CHUNK_SIZE: "2" },
  });
  consoles.push(c);
  await signIn(page, login, c.url);
  const id = await launchTenByThree(page, [], c.url);
  const batch = new BatchPage(page);
  await expect(batch.count("Running")).not.toHaveText("0");

  await c.kill("SIGKILL");
  const posts = (await emulator.stats())["POST /v1/cloudimages/members"];
  await c.restart();
  await batch.goto(id, c.url);
  await expect(batch.count("Succeeded")).toHaveText("30", { timeout: 30_000 });

  const pairs = await queryFile<{ status: string; attempt: number }>(
    "data/e2e-restart.db",
    "select status, attempt from batch_pairs where batch_id = ?",
    id,
  );
  expect(pairs.filter((p) => p.status === "succeeded")).toHaveLength(30);
  const calls = await queryFile<{ n: number }>(
    "data/e2e-restart.db",
    "select count(*) as n from batch_calls where batch_id = ?",
    id,
  );
  // Nothing sent twice blindly: one cloud call per recorded call, before and after the restart.
  expect((await emulator.stats())["POST /v1/cloudimages/members"]).toBe(calls[0].n);
  expect(posts).toBeGreaterThan(0);
  const events = await queryFile<{ pairs: string; outcome: string }>(
    "data/e2e-restart.db",
    "select pairs, outcome from audit_events where action = 'batch_finished'",
  );
  expect(events).toHaveLength(1);
  expect(JSON.parse(events[0].pairs)).toHaveLength(30);
  expect(events[0].outcome).toBe("succeeded");
});

test("a console killed in the middle of a share: after restart the audit trail has the share with its real outcome", async ({
  page,
  login,
}) => {
  const databaseUrl = freshSqlite("e2e-crash.db");
  const env = { INTENT_SETTLE_MS: "1500" };
  const c = await startConsole({ port: BASE_PORT + 14, databaseUrl, instanceId: "crash", env });
  consoles.push(c);
  await signIn(page, login, c.url);
  // The job takes about 5 s: the action is waiting for it when the console dies.
  await emulator.put("/config", { jobTiming: { initMs: 2_000, itemMs: 1_500, maxRunMs: 0 } });
  const image = new ImagePage(page);
  await image.goto(DEMO_IMAGES.ubuntu, c.url);
  await image.checkTargets(`${DEMO.globexAp} ${DEMO.initechAp}`);
  await image.confirmShare(2);
  // Killed while the action waits for its job: the intent holds the job id by then.
  await expect
    .poll(
      async () =>
        (await queryFile<{ jobs: string }>("data/e2e-crash.db", "select jobs from action_intents"))[0]?.jobs ?? "",
    )
    .toMatch(/^[0-9a-f]{32}$/);
  await c.kill("SIGKILL");
  const intents = await queryFile<{ action: string }>("data/e2e-crash.db", "select action from action_intents");
  expect(intents).toEqual([{ action: "share" }]);
  expect((await emulator.stats())["POST /v1/cloudimages/members"]).toBe(1);

  await c.restart();
  await expect
    .poll(
      async () =>
        queryFile<{ action: string; outcome: string; input: string; pairs: string }>(
          "data/e2e-crash.db",
          "select action, outcome, input, pairs from audit_events where action = 'share'",
        ),
      { timeout: 30_000 },
    )
    .toHaveLength(1);
  const [event] = await queryFile<{ outcome: string; input: string; pairs: string }>(
    "data/e2e-crash.db",
    "select outcome, input, pairs from audit_events where action = 'share'",
  );
  expect(event.outcome).toBe("succeeded");
  expect(JSON.parse(event.input)).toMatchObject({ interrupted: true });
  expect(JSON.parse(event.pairs).map((p: { outcome: string }) => p.outcome)).toEqual(["succeeded", "succeeded"]);
  expect(await queryFile("data/e2e-crash.db", "select id from action_intents")).toEqual([]);
  // Nothing was sent again.
  expect((await emulator.stats())["POST /v1/cloudimages/members"]).toBe(1);
  // The console's own output never holds an IAM token, whatever it logged while crashing and recovering.
  const tokens = (await emulator.tokens()).map((t) => t.token);
  expect(tokens.length).toBeGreaterThan(0);
  expect(tokens.filter((t) => c.output().includes(t) || c.output().includes(t.slice(0, 64)))).toEqual([]);
});

test("two consoles on one PostgreSQL: sessions work on both, each job is polled by one of them, and the other takes over when it is killed", async ({
  page,
  login,
}) => {
  // Two consoles of its own start within it: on a busy CI machine that alone took most of a minute.
  test.setTimeout(120_000);
  const name = `imshare_e2e_${Date.now().toString(36)}`;
  const admin = await openDatabase(PG_ADMIN_URL);
  await sql.raw(`create database ${name}`).execute(admin);
  const databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  try {
    const [a, b] = await Promise.all(
      ["pg-a", "pg-b"].map((instanceId, i) =>
        startConsole({ port: BASE_PORT + 12 + i, databaseUrl, instanceId, env: { IMS_BATCH_CHUNK_SIZE: "2" } }),
      ),
    );
    consoles.push(a, b);
    await signIn(page, login, a.url);
    // The same cookie opens the other instance: the session lives in the shared database.
    await new BatchesPage(page).goto(b.url);
    await expect(page.getByRole("heading", { name: "Batches" })).toBeVisible();

    const id = await launchTenByThree(page, [], a.url);
    await expect.poll(async () => Object.keys(await jobPolls()).length).toBeGreaterThan(0);
    const db = await openDatabase(databaseUrl);
    const holder = (await db.selectFrom("batches").select("lease_owner").where("id", "=", id).executeTakeFirstOrThrow())
      .lease_owner;
    await db.destroy();
    const [dead, survivor] = holder === "pg-a" ? [a, b] : [b, a];
    await dead.kill("SIGKILL");
    const killedAt = Date.now();

    const batch = new BatchPage(page);
    await batch.goto(id, survivor.url);
    await expect(batch.count("Succeeded")).toHaveText("30", { timeout: 30_000 });

    // Per job: one instance at a time. The reads switch at most once, from the dead one to the survivor, after the kill.
    const polls = await jobPolls();
    expect(Object.keys(polls).length).toBe(5);
    for (const list of Object.values(polls)) {
      const order = list.sort((x, y) => x.at - y.at).map((p) => p.instance);
      const switches = order.filter((who, i) => i > 0 && who !== order[i - 1]).length;
      expect(switches).toBeLessThanOrEqual(1);
      expect(order.every((who) => who === dead.instanceId || who === survivor.instanceId)).toBe(true);
      const firstSurvivor = list.find((p) => p.instance === survivor.instanceId);
      if (firstSurvivor && order[0] === dead.instanceId)
        expect(firstSurvivor.at).toBeGreaterThanOrEqual(killedAt - 1_000);
    }
    // The takeover happened: both instances read jobs of this batch.
    const readers = new Set(Object.values(polls).flatMap((list) => list.map((p) => p.instance)));
    expect([...readers].sort()).toEqual(["pg-a", "pg-b"]);
    const check = await openDatabase(databaseUrl);
    const finished = await check
      .selectFrom("audit_events")
      .select(["pairs", "outcome"])
      .where("action", "=", "batch_finished")
      .execute();
    await check.destroy();
    expect(finished).toHaveLength(1);
    expect(JSON.parse(finished[0].pairs)).toHaveLength(30);
  } finally {
    await Promise.all(consoles.splice(0).map((c) => c.kill()));
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin);
    await admin.destroy();
  }
});
