import type { APIRequestContext, APIResponse } from "@playwright/test";
import { manifestActions, postAction } from "./action-client";
import { DEMO, DEMO_IMAGES, DEMO_PHONES } from "../emulator/seed/demo";
import { emulator, expect, query, target, test } from "./fixtures";
import { launchTenByThree } from "./pages/batches";

/**
 * Issue 8 item 5: bob (globex) guesses the ids of alice's (acme) images, phone images, batches,
 * their events and exports, and her history events. Each answers exactly as an id that does not
 * exist: the not-found page, or the same status and byte-for-byte the same body.
 */
/** debian-12-base: shared with globex, so bob sees it in Incoming, but its owner's page is not his. */
const ACME_IMAGE = DEMO_IMAGES.debian;
/** ubuntu-22.04-web: no members, invisible to bob. */
const ACME_PRIVATE = DEMO_IMAGES.ubuntu;
const ACME_PHONE = DEMO_PHONES.android11Game;
const NO_UUID = "9e3c1d2b-0000-4000-8000-00000000beef";
const NO_PHONE = "ffffffffffffffffffffffffffff0002";

/** A response body with the per-request ids (request ids, nonces) taken out. */
async function bodyOf(res: APIResponse): Promise<string> {
  return (await res.text())
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>")
    .replace(/[A-Za-z0-9+/]{22}==/g, "<nonce>");
}

/** Same status and same body for another account's id and for an id nobody has. */
async function expectSameAnswer(request: APIRequestContext, theirs: string, nobodys: string, status = 404) {
  const [a, b] = [
    await request.get(theirs, { failOnStatusCode: false }),
    await request.get(nobodys, { failOnStatusCode: false }),
  ];
  expect(a.status(), theirs).toBe(status);
  expect(b.status(), nobodys).toBe(status);
  expect(a.headers()["content-type"]).toBe(b.headers()["content-type"]);
  expect(await bodyOf(a), theirs).toBe(await bodyOf(b));
}

test.use({ user: "alice" });

test("bob reaches none of alice's images, batches, events or exports: each answers as an id nobody has", async ({
  page,
  pageAs,
}) => {
  test.setTimeout(180_000);
  await emulator.reset();
  const batch = await launchTenByThree(page);
  expect((await page.request.get(`/api/batches/${batch}`)).status()).toBe(200);

  const bob = await pageAs("bob");

  // Pages: the area's not-found page with a 404 status, for hers as for nobody's (detail pages
  // render whole, without a streamed skeleton, so the status can say it).
  const pages: [string, string, string][] = [
    [`/images/${ACME_IMAGE}`, `/images/${NO_UUID}`, "Image not found"],
    [`/images/${ACME_PRIVATE}`, `/images/${NO_UUID}`, "Image not found"],
    [`/phones/${ACME_PHONE}`, `/phones/${NO_PHONE}`, "This phone image is not among this project's images"],
    [`/batches/${batch}`, `/batches/${NO_UUID}`, "Batch not found"],
  ];
  for (const [theirs, nobodys, heading] of pages) {
    const statuses: (number | undefined)[] = [];
    for (const path of [theirs, nobodys]) {
      statuses.push((await bob.goto(path))?.status());
      await expect(bob.getByRole("heading", { name: heading })).toBeVisible();
      for (const secret of ["debian-12-base", "ubuntu-22.04-web", "cph-android11-game", "app-01"])
        await expect(bob.getByText(secret)).toHaveCount(0);
    }
    expect(statuses, theirs).toEqual([404, 404]);
  }

  // Route handlers: the batch, its event stream and its exports.
  for (const suffix of ["", "?since=1", "/events", "/export?format=csv", "/export?format=json", "/export?format=xml"]) {
    await expectSameAnswer(bob.request, `/api/batches/${batch}${suffix}`, `/api/batches/${NO_UUID}${suffix}`);
  }

  // Actions on her batch: the same refusal as for a batch nobody launched, and nothing changes.
  const actions = manifestActions().filter((a) => a.name === "retryFailedAction" || a.name === "cancelBatchAction");
  expect(actions).toHaveLength(2);
  const origin = new URL(bob.url()).origin;
  for (const action of actions) {
    const [theirs, nobodys] = [
      await postAction(bob.request, origin, action, JSON.stringify([null, { batchId: batch }])),
      await postAction(bob.request, origin, action, JSON.stringify([null, { batchId: NO_UUID }])),
    ];
    expect(theirs.status()).toBe(200);
    expect(await bodyOf(theirs)).toBe(await bodyOf(nobodys));
    expect(await theirs.text()).toContain("not_found");
  }
  const [{ status }] = await query<{ status: string }>("select status from batches where id = ?", batch);
  expect(status).not.toBe("cancelled");

  // History: her events by id, on the API and on the page, answer as an unknown id does: 404.
  const [event] = await query<{ id: string }>(
    "select id from audit_events where user_name = 'alice' and action = 'batch_launched' order by seq desc limit 1",
  );
  expect(event).toBeDefined();
  await expectSameAnswer(bob.request, `/api/history/${event.id}`, `/api/history/${NO_UUID}`);
  expect((await bob.goto(`/history?event=${event.id}`))?.status()).toBe(404);
  expect((await bob.goto(`/history?event=${NO_UUID}`))?.status()).toBe(404);
  for (const path of [`/history?event=${event.id}`, "/api/history/export", "/api/history/export?format=csv"]) {
    const res = await bob.request.get(path, { failOnStatusCode: false });
    expect(res.status(), path).toBeLessThan(500);
    const text = await res.text();
    // The page echoes its own address (the id asked for); nothing else of hers may appear.
    const secrets = path.includes(event.id) ? [batch, "alice", "app-01"] : [event.id, batch, "alice", "app-01"];
    for (const secret of secrets) expect(text, `${path} shows ${secret}`).not.toContain(secret);
  }
});

test("alice's own batch with hostile queries: 4xx or the batch, never a 5xx", async ({ page }) => {
  // An ended batch, so that its event stream closes after the snapshot.
  const ended = () =>
    query<{ id: string }>(
      "select id from batches where user_name = 'alice' and status in ('finished', 'cancelled') order by created_at desc limit 1",
    );
  await expect.poll(async () => (await ended()).length, { timeout: 60_000 }).toBe(1);
  const [row] = await ended();
  // Signed in: the batch itself answers.
  expect((await page.request.get(`/api/batches/${row.id}`)).status()).toBe(200);
  for (const q of [
    "since=-1",
    "since=NaN",
    "since=1e309",
    "since=%00",
    "since=99999999999999999999",
    "format=..%2F..%2Fetc%2Fpasswd",
    "format=%3Cscript%3E",
    "format=CSV",
  ]) {
    for (const path of [
      `/api/batches/${row.id}?${q}`,
      `/api/batches/${row.id}/export?${q}`,
      `/api/batches/${row.id}/events?${q}`,
    ]) {
      const res = await page.request.get(path, { failOnStatusCode: false });
      expect(res.status(), path).toBeLessThan(500);
    }
  }
});

test("bob reaches none of acme's requests for approval: not listed, not counted, and deciding one answers as an id nobody has", async ({
  pageAs,
}) => {
  const { default: SQLite } = await import("better-sqlite3");
  const REQUEST = "5eed0000-0000-4000-8000-00000000a001";
  const db = new SQLite(target().database, { fileMustExist: true });
  try {
    const now = Date.now();
    db.prepare(
      `insert into approval_requests (id, account_id, project_id, project_name, region, service, requested_by_id,
        requested_by_name, requested_at, expires_at, reason, plan, status)
       values (?, ?, ?, 'ap-southeast-1', 'ap-southeast-1', 'batch', ?, 'alice', ?, ?, 'acme secret reason', ?, 'pending')`,
    ).run(
      REQUEST,
      DEMO.acme,
      DEMO.acmeAp,
      DEMO.alice,
      now,
      now + 3_600_000,
      JSON.stringify({ input: { imageIds: [ACME_IMAGE], targets: DEMO.umbrellaAp, kind: "project" }, pairs: [] }),
    );
  } finally {
    db.close();
  }
  try {
    const bob = await pageAs("bob");
    await bob.goto("/approvals");
    await expect(bob.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
    await expect(bob.getByText("acme secret reason")).toHaveCount(0);
    expect(await (await bob.request.get("/api/approvals/count")).json()).toEqual({ waiting: 0 });
    const origin = new URL(bob.url()).origin;
    const names = ["approveRequestAction", "declineRequestAction", "withdrawRequestAction"];
    for (const action of manifestActions().filter((a) => names.includes(a.name))) {
      const [theirs, nobodys] = [
        await postAction(bob.request, origin, action, JSON.stringify([null, { id: REQUEST }])),
        await postAction(bob.request, origin, action, JSON.stringify([null, { id: NO_UUID }])),
      ];
      expect(await bodyOf(theirs), action.name).toBe(await bodyOf(nobodys));
      expect(await theirs.text()).toContain("not_found");
    }
    const [row] = await query<{ status: string }>("select status from approval_requests where id = ?", REQUEST);
    expect(row.status).toBe("pending");
  } finally {
    const cleanup = new SQLite(target().database, { fileMustExist: true });
    cleanup.prepare("delete from approval_requests where id = ?").run(REQUEST);
    cleanup.close();
  }
});

test("bob reaches none of acme's webhooks, deliveries or end dates: each answers as an id nobody has, and none changes", async ({
  pageAs,
}) => {
  const { default: SQLite } = await import("better-sqlite3");
  const HOOK = "5eed0000-0000-4000-8000-00000000b001";
  const DELIVERY = "5eed0000-0000-4000-8000-00000000b002";
  const LEASE = "5eed0000-0000-4000-8000-00000000b003";
  const now = Date.now();
  const db = new SQLite(target().database, { fileMustExist: true });
  try {
    db.prepare(
      `insert into webhooks (id, account_id, name, url, preset, secret_ciphertext, enabled, created_by, created_at)
       values (?, ?, 'acme secret hook', 'https://acme.example.com/hook', 'generic', 'x', 1, 'alice', ?)`,
    ).run(HOOK, DEMO.acme, now);
    db.prepare(
      `insert into notification_outbox (id, account_id, channel, destination, event_type, payload, status, attempts,
        next_attempt_at, created_at, lease_until) values (?, ?, 'webhook', ?, 'test', '{}', 'failed', 8, ?, ?, 0)`,
    ).run(DELIVERY, DEMO.acme, HOOK, now, now);
    // An end date on a share of acme's to umbrella: not globex's to ask about.
    db.prepare(
      `insert into share_leases (id, account_id, account_name, project_id, project_name, region, service, image_id,
        image_name, member_id, target_kind, target, ends_at, set_by_id, set_by_name, set_at, status, attempts,
        next_attempt_at, lease_until)
       values (?, ?, 'acme', ?, 'ap-southeast-1', 'ap-southeast-1', 'ims', ?, 'ubuntu', ?, 'project', ?, ?, ?, 'alice', ?,
        'active', 0, 0, 0)`,
    ).run(
      LEASE,
      DEMO.acme,
      DEMO.acmeAp,
      ACME_PRIVATE,
      DEMO.umbrellaAp,
      DEMO.umbrellaAp,
      now + 86_400_000,
      DEMO.alice,
      now,
    );
  } finally {
    db.close();
  }
  try {
    const bob = await pageAs("bob");
    await bob.goto("/settings/notifications");
    await expect(bob.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(bob.getByText("acme secret hook")).toHaveCount(0);
    const origin = new URL(bob.url()).origin;
    const posts: [string, Record<string, unknown>, Record<string, unknown>][] = [
      ["toggleWebhookAction", { id: HOOK, enabled: "0" }, { id: NO_UUID, enabled: "0" }],
      ["removeWebhookAction", { id: HOOK }, { id: NO_UUID }],
      ["sendTestAction", { id: HOOK }, { id: NO_UUID }],
      ["sendAgainAction", { id: DELIVERY }, { id: NO_UUID }],
      [
        "requestRenewalAction",
        { leaseId: LEASE, endsAt: now + 9 * 86_400_000, reason: "x" },
        { leaseId: NO_UUID, endsAt: now + 9 * 86_400_000, reason: "x" },
      ],
    ];
    const actions = manifestActions();
    for (const [name, theirs, nobodys] of posts) {
      const action = actions.find((a) => a.name === name)!;
      const [a, b] = [
        await postAction(bob.request, origin, action, JSON.stringify([null, theirs])),
        await postAction(bob.request, origin, action, JSON.stringify([null, nobodys])),
      ];
      expect(await bodyOf(a), name).toBe(await bodyOf(b));
      expect(await a.text(), name).toContain("not_found");
    }
    const [hook] = await query<{ enabled: number }>("select enabled from webhooks where id = ?", HOOK);
    expect(hook.enabled).toBe(1);
    const [delivery] = await query<{ status: string }>("select status from notification_outbox where id = ?", DELIVERY);
    expect(delivery.status).toBe("failed");
    expect(await query("select id from approval_requests where kind = 'lease_renewal'")).toEqual([]);
  } finally {
    const cleanup = new SQLite(target().database, { fileMustExist: true });
    cleanup.prepare("delete from webhooks where id = ?").run(HOOK);
    cleanup.prepare("delete from notification_outbox where id = ?").run(DELIVERY);
    cleanup.prepare("delete from share_leases where id = ?").run(LEASE);
    cleanup.close();
  }
});
