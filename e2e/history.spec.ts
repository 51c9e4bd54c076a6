import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { emulator, expect, auditMark, lastAudit, LoginPage, query, test } from "./fixtures";
import { APPS, BatchPage, launchTenByThree, PROJECTS } from "./pages/batches";
import { HistoryPage } from "./pages/history";
import { ImagePage } from "./pages/images";

const UBUNTU = DEMO_IMAGES.ubuntu;
const GLOBEX = DEMO.globexAp;

test.use({ user: "alice" });
test.beforeEach(async () => {
  await emulator.reset();
});

test("a share and a batch appear in History with their pairs; filters, export and verify agree", async ({ page }) => {
  // A share through the image page.
  await new ImagePage(page).shareOnePair(UBUNTU, GLOBEX);

  // A batch of 10 × 3, to its end.
  const mark = await auditMark("alice");
  const batchId = await launchTenByThree(page);
  const batch = new BatchPage(page);
  await expect(batch.count("Succeeded")).toHaveText("30");
  await expect.poll(async () => (await lastAudit("alice", mark))?.action).toBe("batch_finished");

  const history = new HistoryPage(page);
  await history.goto();
  const rows = history.rows();
  await expect(rows.nth(1)).toContainText("Batch finished");
  await expect(rows.nth(2)).toContainText("Batch launched");
  await expect(rows.nth(3)).toContainText("Share");
  await expect(rows.nth(1)).toContainText("succeeded");
  await expect(page.getByRole("img", { name: /^Events per day/ })).toBeVisible();

  // The drawer of the batch's end: its 30 pairs; it deep-links and closes back to the list.
  await history.openDetails(1);
  const drawer = history.drawer("Batch finished by alice");
  await expect(drawer.getByRole("heading", { name: "Pairs (30)" })).toBeVisible();
  const pairs = drawer.getByRole("table", { name: "Pairs of the event" }).getByRole("row");
  await expect(pairs).toHaveCount(31);
  await expect(drawer.getByRole("row", { name: new RegExp(`${APPS[0]} ${PROJECTS[0]} succeeded`) })).toBeVisible();
  await expect(drawer).toContainText(batchId);
  await expect(page).toHaveURL(/[?&]event=[0-9a-f-]{36}/);
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(page).toHaveURL(/\/history$/);

  // The share's drawer: one pair, ubuntu → globex, succeeded.
  await history.openDetails(3);
  const share = history.drawer("Share by alice");
  await expect(share.getByRole("heading", { name: "Pairs (1)" })).toBeVisible();
  await expect(share.getByRole("row", { name: new RegExp(`${UBUNTU} ${GLOBEX} succeeded`) })).toBeVisible();
  await page.keyboard.press("Escape");

  // Filter by image and by action (with the form): the newest rows are this test's, and the export
  // holds the same rows in the same order (the table shows one page, the export all of them).
  const shareId = (await history.eventIds())[2];
  const [finishedId, launchedId] = await history.eventIds();
  await history.goto(`?image=${UBUNTU}`);
  const byImage = await history.eventIds();
  expect(byImage[0]).toBe(shareId);
  // This test's batch did not touch ubuntu (other specs' batches may have).
  expect(byImage).not.toContain(finishedId);
  expect(byImage).not.toContain(launchedId);
  const exported = await history.csvIds();
  expect(exported.ids.slice(0, byImage.length)).toEqual(byImage);
  expect(exported.filterLine).toContain(`image=${UBUNTU}`);
  await history.goto(`?image=${APPS[0]}`);
  expect((await history.eventIds()).slice(0, 2)).toEqual([finishedId, launchedId]);

  await history.goto();
  await history.filterActions(["Batch launched", "Batch finished"]);
  await expect(page).toHaveURL(/action=batch_launched&action=batch_finished/);
  await expect(history.rows().filter({ hasText: /Share|Signed in/ })).toHaveCount(0);
  const byAction = await history.eventIds();
  expect(byAction.slice(0, 2)).toEqual([finishedId, launchedId]);
  expect((await history.csvIds()).ids.slice(0, byAction.length)).toEqual(byAction);
  const json = await (await page.request.get(await history.exportHref("Export JSON"))).json();
  expect(json.filter).toEqual({ action: ["batch_launched", "batch_finished"] });
  expect(json.events.map((e: { id: string }) => e.id).slice(0, byAction.length)).toEqual(byAction);
  expect(json.events.every((e: { action: string }) => e.action.startsWith("batch_"))).toBe(true);

  // The batch's page and the image's page show their own history.
  await batch.goto(batchId);
  const batchHistory = batch.history();
  await expect(batchHistory).toHaveCount(3);
  await expect(batchHistory.nth(1)).toContainText("Batch finished");
  await expect(batchHistory.nth(2)).toContainText("Batch launched");
  await new ImagePage(page).goto(UBUNTU);
  await expect(page.getByRole("table", { name: "History of this image" }).getByRole("row").nth(1)).toContainText(
    "Share",
  );

  // Verify recomputes the chain.
  await history.goto();
  await page.getByRole("button", { name: "Verify" }).click();
  const [{ n }] = await query<{ n: number }>(
    "select count(*) as n from audit_events where account_id = (select account_id from audit_events where user_name = 'alice' limit 1)",
  );
  await expect(page.getByText(`Chain intact: ${n.toLocaleString("en")} events`)).toBeVisible();
});

test("bob cannot open alice's events or export them", async ({ page, pageAs }) => {
  const history = new HistoryPage(page);
  await history.goto();
  const aliceExport = await history.exportHref("Export CSV");
  const [event] = await query<{ id: string }>(
    "select id from audit_events where user_name = 'alice' order by seq desc limit 1",
  );

  const bob = await pageAs("bob");
  // The page streams its shell first (the console's loading state), so its 404 is the not-found view.
  await new HistoryPage(bob).goto(`?event=${event.id}`);
  await expect(bob.getByText("This event does not exist, or it belongs to another account or project.")).toBeVisible();
  await expect(bob.getByRole("dialog")).toHaveCount(0);
  expect((await bob.request.get(`/api/history/${event.id}`)).status()).toBe(404);
  expect((await bob.request.get(aliceExport)).status()).toBe(404);
  // Without the scope parameters, bob's export holds bob's events only.
  const own = await (await bob.request.get("/api/history/export?format=json&sessions=1")).json();
  expect(own.events.length).toBeGreaterThan(0);
  expect(
    own.events.every(
      (e: { userName: string; accountName: string }) => e.userName === "bob" && e.accountName === "globex",
    ),
  ).toBe(true);
  // Alice still can.
  expect((await page.request.get(`/api/history/${event.id}`)).status()).toBe(200);
});

test("History leaves sign-ins and sign-outs out unless the toggle (in the URL) asks for them; the CSV follows", async ({
  page,
  browser,
}) => {
  // A sign-in of alice's own, in a fresh context: the newest event of her project.
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const login = new LoginPage(await other.newPage());
  await login.goto("/login?callbackUrl=%2Fbatches");
  await login.signIn("alice");
  await expect(login.page).toHaveURL(/\/batches$/);
  await other.close();

  const history = new HistoryPage(page);
  await history.goto();
  await expect(history.table()).toBeVisible();
  await expect(history.rows().filter({ hasText: /Signed (in|out)/ })).toHaveCount(0);
  expect(await history.csvActions()).not.toContain("signed_in");

  await history.showSignIns();
  await expect(page).toHaveURL(/[?&]sessions=1/);
  const newest = history.rows().nth(1);
  await expect(newest).toContainText("Signed in");
  // Just created: a relative time of "just now", never "just now ago".
  await expect(newest).toContainText("just now");
  await expect(newest).not.toContainText("just now ago");
  expect(await history.csvActions()).toContain("signed_in");
});

test("Back brings the history's filter form along with the events", async ({ page }) => {
  const history = new HistoryPage(page);
  await history.goto();
  await history.filterUser("alice");
  await expect(page).toHaveURL(/user=alice/);
  await history.filterUser("bob");
  await expect(page).toHaveURL(/user=bob/);
  await page.goBack();
  await expect(page).toHaveURL(/user=alice/);
  await expect(history.userFilter()).toHaveValue("alice");
});
