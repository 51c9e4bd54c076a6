import type { Page } from "@playwright/test";
import { NOTIFICATION_KINDS } from "@/lib/notify/kinds";
import { appImageId, DEMO, DEMO_IMAGES, DEMO_TOPICS } from "../emulator/seed/demo";
import { freshSqlite, startConsole, type ConsoleProcess } from "./consoles";
import { emulator, expect, LoginPage, test } from "./fixtures";
import { openstackAsAlice } from "./openstack";
import { enforceAllowlist } from "./pages/policy";
import { batchOfOne, failedBatchOfOne, shareUntil } from "./pages/shares";
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from "./webhook-receiver";

/**
 * Issue 17: notifications reach admins who are not looking. A console of its own (its watcher of
 * incoming shares runs every second) sends every kind of event of account acme to a webhook started by
 * the test, signed, once each, the first one again after the receiver answered 500 twice; and publishes
 * each to acme's SMN topic in the emulator.
 */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3110);
const SECRET = "whsec-e2e-notifications";
const DB = "data/e2e-notify.db";
const KINDS = NOTIFICATION_KINDS;
let c: ConsoleProcess | undefined;
let receiver: WebhookReceiver | undefined;

test.beforeEach(async () => {
  await emulator.reset();
  await emulator.post("/reset", { keepTokens: true });
  await fetch(`${emulator.url}/__emulator/smn/messages`, { method: "DELETE" });
});
test.afterEach(async () => {
  await c?.kill();
  await receiver?.close();
});

async function signIn(page: Page, user: "alice" | "bob") {
  const login = new LoginPage(page);
  await login.goto(`${c!.url}/login`);
  await login.signIn(user);
  await expect(page).toHaveURL(`${c!.url}/`);
}

const taken = (r: ReceivedRequest[]) => r.filter((x) => x.answered === 200);
const typeOf = (r: ReceivedRequest) => (r.json as { type: string }).type;

test("every kind of event reaches a signed webhook once, the first again after two 500s, and acme's SMN topic", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  receiver = await startWebhookReceiver({ secret: SECRET });
  c = await startConsole({
    port: BASE_PORT + 17,
    databaseUrl: freshSqlite("e2e-notify.db"),
    instanceId: "notify",
    emulatorUrl: emulator.url,
    env: {
      INCOMING_WATCH_MS: "1000",
      LEASE_WARN_EVERY_MS: "500",
      OUTBOX_TICK_MS: "200",
      OUTBOX_RETRY_MS: "200",
      CONSOLE_PUBLIC_URL: "https://imshare.example.com",
      CTS_IMPORT_INTERVAL_MS: "0",
      CTS_IMPORT_SETTLE_MS: "0",
    },
  });
  await signIn(page, "alice");
  await enforceAllowlist(DB);

  // Settings: acme's SMN topic and incoming shares announced at once, but not yet (so that the watcher
  // announces them to both channels at once); then the test's webhook; then incoming shares on.
  await page.goto(`${c.url}/settings/notifications`);
  await page.getByLabel("Incoming share waiting").uncheck();
  await page.getByLabel("Announce an incoming share after it waited this many hours").fill("0");
  await page.getByLabel("SMN topic", { exact: true }).selectOption(DEMO_TOPICS.imshareAlerts);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Notification settings saved.")).toBeVisible();
  receiver.failNext(2);
  const add = page.getByRole("form", { name: "Add webhook" });
  await add.getByLabel("Name").fill("ops");
  await add.getByLabel("URL").fill(receiver.url);
  await add.getByLabel("Signing secret").fill(SECRET);
  await add.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText("Webhook added.")).toBeVisible();
  await page.getByLabel("Incoming share waiting").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Notification settings saved.")).toBeVisible();

  // A share that ends tomorrow (lease.ending), which bob accepts (share.answered) and asks to keep
  // longer (approval.requested); alice approves (approval.decided).
  await shareUntil(page, c!.url, DEMO_IMAGES.ubuntu, DEMO.globexAp, "1");
  await receiver.waitFor((r) => taken(r).some((x) => typeOf(x) === "lease.ending"), 20_000);
  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signIn(bob, "bob");
  await bob.goto(`${c.url}/incoming`);
  await bob.getByRole("button", { name: "Accept ubuntu-22.04-web" }).click();
  await expect(bob.getByRole("button", { name: "Accept ubuntu-22.04-web" })).toHaveCount(0);
  await bob.goto(`${c.url}/incoming?tab=accepted`);
  const row = bob.getByRole("row", { name: /ubuntu-22\.04-web/ });
  await expect(row.getByTestId("incoming-lease")).toContainText("Access ends");
  await row.getByRole("button", { name: "Ask for more time" }).click();
  await bob.getByLabel("Why you need it longer").fill("The contract runs another month.");
  await bob.getByRole("button", { name: "Send request" }).click();
  await expect(row.getByTestId("incoming-lease")).toContainText("waiting for the owner");
  await page.goto(`${c.url}/approvals`);
  await page.getByRole("button", { name: "Approve longer access" }).click();
  await expect(page.getByText(/approved by alice/i)).toBeVisible();
  await bob.reload();
  await expect(row.getByTestId("incoming-lease")).toContainText("was approved");
  await bobContext.close();

  // A share that ends in seconds (lease.ended), two batches (batch.finished, batch.failed), and a
  // share made outside the console that the policy would not allow (policy.outside) and that a watched
  // manifest does not have (manifest.drift).
  await shareUntil(page, c!.url, DEMO_IMAGES.dataDiskArchive, DEMO.initechAp, 15_000);
  await batchOfOne(page, c.url, appImageId(1), DEMO.globexAp, "Succeeded");
  await failedBatchOfOne(page, c.url, emulator.url, appImageId(2), DEMO.globexAp);
  // The short share has ended before the sharing is exported: a manifest exported with it would drift
  // when it ends (CI caught that), not only by the outside share.
  await receiver.waitFor((r) => taken(r).some((x) => typeOf(x) === "lease.ended"), 30_000);
  // The project's sharing as it is now, watched (manifest.drift once the outside share is imported).
  await page.goto(`${c.url}/manifests`);
  await page.getByRole("button", { name: "Export current sharing" }).click();
  await expect(page.getByLabel("Manifest (YAML or JSON)")).toHaveValue(/# debian-12-base/);
  await page.getByLabel("Name to watch it under").fill("golden");
  await page.getByRole("button", { name: "Watch this manifest" }).click();
  await expect(page.getByTestId("watch-golden")).toContainText("In sync");
  await openstackAsAlice(["image", "add", "project", DEMO_IMAGES.debian, DEMO.umbrellaAp, "-f", "json"]);
  await page.goto(`${c.url}/history`);
  await page.getByTestId("cts-import-panel").getByRole("button", { name: "Import now" }).click();
  await expect(page.getByTestId("cts-import-result")).toContainText("Imported 1 new event");

  await receiver.waitFor((r) => KINDS.every((k) => taken(r).some((x) => typeOf(x) === k)), 60_000);
  const requests = receiver.requests;
  expect(requests.every((r) => r.signatureValid)).toBe(true);
  const keys = new Map<string, number[]>();
  for (const r of requests)
    keys.set(r.headers["idempotency-key"], [...(keys.get(r.headers["idempotency-key"]) ?? []), r.answered]);
  // The first event was refused twice and taken on the third try, with the same key; no event was taken twice.
  expect([...keys.values()][0]).toEqual([500, 500, 200]);
  expect([...keys.values()].every((answers) => answers.filter((a) => a === 200).length === 1)).toBe(true);
  for (const kind of KINDS)
    expect(
      taken(requests).filter((r) => typeOf(r) === kind),
      kind,
    ).toHaveLength(1);
  const ended = taken(requests).find((r) => typeOf(r) === "lease.ended")!.json as { link: string; text: string };
  expect(ended.link).toBe(`https://imshare.example.com/images/${DEMO_IMAGES.dataDiskArchive}`);
  expect(ended.text).toContain("data-disk-archive");

  // SMN: the same events published to acme's topic, as the emulator's control lists them.
  await expect
    .poll(
      async () => {
        const res = await fetch(`${emulator.url}/__emulator/smn/messages?topic_urn=${DEMO_TOPICS.imshareAlerts}`);
        return ((await res.json()) as { messages: unknown[] }).messages.length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(KINDS.length);

  // The delivery log shows them, delivered.
  await page.goto(`${c.url}/settings/notifications`);
  await expect(page.getByTestId("delivery").filter({ hasText: "lease.ended" }).first()).toContainText("Delivered");
});
