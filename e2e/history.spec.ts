import type { Page } from "@playwright/test";
import { APPS, PROJECTS, countOf, launchTenByThree, shareOnePair } from "./batch-helpers";
import { LoginPage, emulator, expect, lastAudit, query, test } from "./fixtures";

const UBUNTU = "1b7f0000-0000-4000-8000-000000000001";
const GLOBEX = "610be0000000000000000000000000a1";

/** The History table's rows as event ids (from their Details links), top to bottom. */
async function eventIds(page: Page): Promise<string[]> {
  const links = page.getByRole("table", { name: "Events" }).getByRole("link", { name: /^Details of/ });
  // The table streams in after the page's head: wait for its first row before reading them all.
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => new URL(h, "http://x").searchParams.get("event") ?? "");
}

/** The event ids of a CSV export: the filter line, the header, then one event per line. */
async function csvIds(page: Page): Promise<{ filterLine: string; ids: string[] }> {
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const res = await page.request.get(href ?? "");
  expect(res.status()).toBe(200);
  const [filterLine, header, ...rows] = (await res.text()).trimEnd().split("\r\n");
  expect(header).toMatch(/^occurred_at,id,seq,/);
  return { filterLine, ids: rows.map((r) => r.split(",")[1]) };
}

test.beforeEach(async ({ page, login }) => {
  await emulator.reset();
  await login.goto();
  await login.signIn("alice");
  await expect(page).toHaveURL(/\/images$/);
});

test("a share and a batch appear in History with their pairs; filters, export and verify agree", async ({ page }) => {
  // A share through the image page.
  await shareOnePair(page, UBUNTU, GLOBEX);

  // A batch of 10 × 3, to its end.
  const batchId = await launchTenByThree(page);
  await expect(countOf(page, "Succeeded")).toHaveText("30");
  await expect.poll(async () => (await lastAudit("alice")).action).toBe("batch_finished");

  await page.goto("/history");
  const table = page.getByRole("table", { name: "Events" });
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toContainText("Batch finished");
  await expect(rows.nth(2)).toContainText("Batch launched");
  await expect(rows.nth(3)).toContainText("Share");
  await expect(rows.nth(1)).toContainText("succeeded");
  await expect(page.getByRole("img", { name: /^Events per day/ })).toBeVisible();

  // The drawer of the batch's end: its 30 pairs; it deep-links and closes back to the list.
  await rows
    .nth(1)
    .getByRole("link", { name: /^Details of/ })
    .click();
  const drawer = page.getByRole("dialog", { name: "Batch finished by alice" });
  await expect(drawer.getByRole("heading", { name: "Pairs (30)" })).toBeVisible();
  const pairs = drawer.getByRole("table", { name: "Pairs of the event" }).getByRole("row");
  await expect(pairs).toHaveCount(31);
  await expect(drawer.getByRole("row", { name: new RegExp(`${APPS[0]} ${PROJECTS[0]} succeeded`) })).toBeVisible();
  await expect(drawer).toContainText(batchId);
  await expect(page).toHaveURL(/[?&]event=[0-9a-f-]{36}/);
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(page).toHaveURL(/\/history$/);

  // The share's drawer: one pair, ubuntu → globex, succeeded.
  await rows
    .nth(3)
    .getByRole("link", { name: /^Details of/ })
    .click();
  const share = page.getByRole("dialog", { name: "Share by alice" });
  await expect(share.getByRole("heading", { name: "Pairs (1)" })).toBeVisible();
  await expect(share.getByRole("row", { name: new RegExp(`${UBUNTU} ${GLOBEX} succeeded`) })).toBeVisible();
  await page.keyboard.press("Escape");

  // Filter by image and by action (with the form): the newest rows are this test's, and the export
  // holds the same rows in the same order (the table shows one page, the export all of them).
  const shareId = (await eventIds(page))[2];
  const [finishedId, launchedId] = await eventIds(page);
  await page.goto(`/history?image=${UBUNTU}`);
  const byImage = await eventIds(page);
  expect(byImage[0]).toBe(shareId);
  // This test's batch did not touch ubuntu (other specs' batches may have).
  expect(byImage).not.toContain(finishedId);
  expect(byImage).not.toContain(launchedId);
  const exported = await csvIds(page);
  expect(exported.ids.slice(0, byImage.length)).toEqual(byImage);
  expect(exported.filterLine).toContain(`image=${UBUNTU}`);
  await page.goto(`/history?image=${APPS[0]}`);
  expect((await eventIds(page)).slice(0, 2)).toEqual([finishedId, launchedId]);

  await page.goto("/history");
  await page.getByText("All actions", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Batch launched" }).check();
  await page.getByRole("checkbox", { name: "Batch finished" }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=batch_launched&action=batch_finished/);
  await expect(table.getByRole("row").filter({ hasText: /Share|Signed in/ })).toHaveCount(0);
  const byAction = await eventIds(page);
  expect(byAction.slice(0, 2)).toEqual([finishedId, launchedId]);
  expect((await csvIds(page)).ids.slice(0, byAction.length)).toEqual(byAction);
  const json = await (
    await page.request.get((await page.getByRole("link", { name: "Export JSON" }).getAttribute("href")) ?? "")
  ).json();
  expect(json.filter).toEqual({ action: ["batch_launched", "batch_finished"] });
  expect(json.events.map((e: { id: string }) => e.id).slice(0, byAction.length)).toEqual(byAction);
  expect(json.events.every((e: { action: string }) => e.action.startsWith("batch_"))).toBe(true);

  // The batch's page and the image's page show their own history.
  await page.goto(`/batches/${batchId}`);
  const batchHistory = page.getByRole("table", { name: "History of this batch" }).getByRole("row");
  await expect(batchHistory).toHaveCount(3);
  await expect(batchHistory.nth(1)).toContainText("Batch finished");
  await expect(batchHistory.nth(2)).toContainText("Batch launched");
  await page.goto(`/images/${UBUNTU}`);
  await expect(page.getByRole("table", { name: "History of this image" }).getByRole("row").nth(1)).toContainText(
    "Share",
  );

  // Verify recomputes the chain.
  await page.goto("/history");
  await page.getByRole("button", { name: "Verify" }).click();
  const [{ n }] = await query<{ n: number }>(
    "select count(*) as n from audit_events where account_id = (select account_id from audit_events where user_name = 'alice' limit 1)",
  );
  await expect(page.getByText(`Chain intact: ${n.toLocaleString("en")} events`)).toBeVisible();
});

test("bob cannot open alice's events or export them", async ({ page, browser }) => {
  await page.goto("/history");
  const aliceExport = (await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")) ?? "";
  const [event] = await query<{ id: string }>(
    "select id from audit_events where user_name = 'alice' order by seq desc limit 1",
  );

  const context = await browser.newContext();
  const bob = await context.newPage();
  const bobLogin = new LoginPage(bob);
  await bobLogin.goto();
  await bobLogin.signIn("bob");
  await expect(bob).toHaveURL(/\/images$/);

  // The page streams its shell first (the console's loading state), so its 404 is the not-found view.
  await bob.goto(`/history?event=${event.id}`);
  await expect(bob.getByText("This event does not exist, or it belongs to another account or project.")).toBeVisible();
  await expect(bob.getByRole("dialog")).toHaveCount(0);
  expect((await bob.request.get(`/api/history/${event.id}`)).status()).toBe(404);
  expect((await bob.request.get(aliceExport)).status()).toBe(404);
  // Without the scope parameters, bob's export holds bob's events only.
  const own = await (await bob.request.get("/api/history/export?format=json")).json();
  expect(own.events.length).toBeGreaterThan(0);
  expect(
    own.events.every(
      (e: { userName: string; accountName: string }) => e.userName === "bob" && e.accountName === "globex",
    ),
  ).toBe(true);
  // Alice still can.
  expect((await page.request.get(`/api/history/${event.id}`)).status()).toBe(200);
  await context.close();
});
