import type { Page } from "@playwright/test";
import { appImageId, DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { freshSqlite, startConsole, type ConsoleProcess } from "./consoles";
import { emulator, expect, LoginPage, test } from "./fixtures";
import { openstackAsAlice } from "./openstack";
import { ImagePage } from "./pages/images";
import { enforceAllowlist } from "./pages/policy";
import { batchOfOne, failedBatchOfOne, shareUntil } from "./pages/shares";

/**
 * Issue 19: the overview, the console's home. A console of its own on a fresh database, so that what
 * needs alice is exactly what the test made: a pending share (the demo world's three), a failed batch
 * (beside one that succeeded), a request arthur sent for her approval, a share ending tomorrow and a
 * share made outside the console, imported from CTS. Each tile shows its item, and its link opens the
 * page filtered to exactly the items the tile counted.
 */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3110);
const DB = "data/e2e-overview.db";
let c: ConsoleProcess;

test.beforeAll(async () => {
  await emulator.reset();
  c = await startConsole({
    port: BASE_PORT + 19,
    databaseUrl: freshSqlite("e2e-overview.db"),
    instanceId: "overview",
    emulatorUrl: emulator.url,
    // Tiles are asked again every 15 s: long enough to tell an import's own refresh from a poll's.
    env: { CTS_IMPORT_INTERVAL_MS: "0", CTS_IMPORT_SETTLE_MS: "0", INBOX_POLL_MS: "15000" },
  });
});
test.afterAll(async () => {
  await c?.kill();
  await emulator.clearFaults();
});

async function signIn(page: Page, user: "alice" | "arthur" | "audrey") {
  const login = new LoginPage(page);
  await login.goto(`${c.url}/login`);
  await login.signIn(user);
  // The console's home is the overview.
  await expect(page).toHaveURL(`${c.url}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
}

/** A tile once drawn: while the page streams, its skeleton and its content are both in the document for a moment. */
const tile = (page: Page, name: string) => page.locator(`[data-testid="tile-${name}"]:not([data-state="loading"])`);
const texts = async (page: Page, testId: string) => (await page.getByTestId(testId).allInnerTexts()).sort();

test("each tile shows what needs alice, and its link opens the page with exactly those items", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "alice");
  // A healthy start says so: nothing failed, nothing waits, nothing ends.
  await expect(tile(page, "batches")).toContainText("No batch is running and none failed in the last 7 days.");
  await expect(tile(page, "approvals")).toContainText("No request waits for a decision.");
  await expect(tile(page, "leases")).toContainText("No share ends in the next 7 days.");
  await expect(tile(page, "outside")).toContainText("No sharing was done outside the console in the last 7 days.");
  await expect(tile(page, "cts")).toContainText("None yet");

  await enforceAllowlist(DB);
  await batchOfOne(page, c.url, appImageId(1), DEMO.globexAp, "Succeeded");
  const failed = await failedBatchOfOne(page, c.url, emulator.url, appImageId(2), DEMO.globexAp);
  await shareUntil(page, c.url, DEMO_IMAGES.ubuntu, DEMO.globexAp, "1");
  await openstackAsAlice(["image", "add", "project", DEMO_IMAGES.debian, DEMO.umbrellaAp, "-f", "json"]);
  // Imported from the overview's CTS tile: the outside tile shows the share at once, without a reload.
  await page.goto(`${c.url}/`);
  await expect(tile(page, "outside").getByTestId("tile-outside-count")).toHaveText("0");
  await tile(page, "cts").getByRole("button", { name: "Import now" }).click();
  await expect(tile(page, "cts").getByTestId("cts-import-result")).toContainText("Imported 1 new event");
  await expect(tile(page, "outside").getByTestId("tile-outside-count")).toHaveText("1", { timeout: 5_000 });

  // Arthur asks for a share the policy holds for approval: it waits for alice.
  const arthurContext = await browser.newContext();
  const arthur = await arthurContext.newPage();
  await signIn(arthur, "arthur");
  const image = new ImagePage(arthur);
  await image.goto(DEMO_IMAGES.ubuntu, c.url);
  await image.checkTargets(DEMO.umbrellaAp);
  await image.dialog().getByLabel("Why (the approver reads it)").fill("Umbrella's trial");
  await image.dialog().getByRole("button", { name: "Ask for approval" }).click();
  await expect(image.dialog().getByText(/Sent for approval \(1 pair\)/)).toBeVisible();
  await arthurContext.close();

  await page.goto(`${c.url}/`);
  // Incoming: the demo world's three pending shares, the oldest first, each with its age.
  await expect(tile(page, "incoming").getByTestId("tile-incoming-count")).toHaveText("3");
  const incoming = await texts(page, "tile-incoming-item");
  expect(incoming.join("\n")).toMatch(/waiting/);
  await tile(page, "incoming").getByTestId("tile-incoming-link").click();
  await expect(page).toHaveURL(`${c.url}/incoming?tab=pending`);
  for (const name of ["globex-analytics-gpu", "globex-fullecs-cbr", "initech-ml-base"]) {
    expect(incoming.some((t) => t.includes(name))).toBe(true);
    await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
  }
  await expect(
    page.getByRole("table", { name: "pending images shared with this project" }).getByRole("row"),
  ).toHaveCount(4);

  // Approvals: arthur's request, waiting for alice; its link shows it and no decided request.
  await page.goto(`${c.url}/`);
  await expect(tile(page, "approvals").getByTestId("tile-approvals-count")).toHaveText("1");
  await expect(tile(page, "approvals").getByTestId("tile-approvals-item")).toHaveText(/arthur asks to share 1 pair/);
  await tile(page, "approvals").getByTestId("tile-approvals-link").click();
  await expect(page).toHaveURL(`${c.url}/approvals?status=pending`);
  await expect(page.getByTestId(/^request-/)).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Waiting for you" }).getByTestId(/^request-/)).toHaveCount(1);

  // Batches: the failed one, not the one that succeeded.
  await page.goto(`${c.url}/`);
  await expect(tile(page, "batches").getByTestId("tile-batches-count")).toHaveText("1");
  await expect(tile(page, "batches").getByTestId("tile-batches-item")).toContainText("1 of 1 failed");
  await tile(page, "batches").getByTestId("tile-batches-link").click();
  await expect(page).toHaveURL(`${c.url}/batches?attention=7`);
  const rows = page.getByRole("row").filter({ has: page.getByRole("link") });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole("link").first()).toHaveAttribute(
    "href",
    new RegExp(`^${new URL(failed).pathname}(\\?|$)`),
  );

  // Leases: the share that ends tomorrow; its link lists exactly that image.
  await page.goto(`${c.url}/`);
  await expect(tile(page, "leases").getByTestId("tile-leases-count")).toHaveText("1");
  await expect(tile(page, "leases").getByTestId("tile-leases-item")).toContainText("ubuntu-22.04-web");
  await tile(page, "leases").getByTestId("tile-leases-link").click();
  await expect(page).toHaveURL(`${c.url}/images?expiring=7`);
  await expect(page.getByRole("row", { name: /ubuntu-22\.04-web/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Images owned by this project" }).getByRole("row")).toHaveCount(2);

  // Outside: the share made with the CLI, flagged outside the policy; History shows exactly it.
  await page.goto(`${c.url}/`);
  await expect(tile(page, "outside").getByTestId("tile-outside-count")).toHaveText("1");
  await expect(tile(page, "outside").getByTestId("tile-outside-item")).toContainText("Outside policy");
  await expect(tile(page, "cts").getByTestId("tile-cts-last")).toContainText("1 new");
  await tile(page, "outside").getByTestId("tile-outside-link").click();
  await expect(page).toHaveURL(/\/history\?source=cts&from=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Share");

  // Near the member limit: the demo world's almost-full image (255 of 256) and cph-at-limit (10 of 10), the
  // fullest first; each page, filtered, lists exactly its own.
  await page.goto(`${c.url}/`);
  const near = tile(page, "nearLimit");
  await expect(near.getByTestId("tile-nearLimit-count")).toHaveText("2");
  await expect(near.getByTestId("tile-nearLimit-item")).toHaveText([
    /cph-at-limit.*10 of 10/,
    /almost-full.*255 of 256/,
  ]);
  await near.getByTestId("tile-nearLimit-link").click();
  await expect(page).toHaveURL(`${c.url}/images?full=90`);
  await expect(page.getByRole("row", { name: /almost-full/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Images owned by this project" }).getByRole("row")).toHaveCount(2);
  await page.goto(`${c.url}/`);
  await tile(page, "nearLimit").getByTestId("tile-nearLimit-phones-link").click();
  await expect(page).toHaveURL(`${c.url}/phones?full=90`);
  await expect(page.getByRole("row", { name: /cph-at-limit/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Phone images owned by this project" }).getByRole("row")).toHaveCount(2);

  // The chart counts the month's changes by where they were made.
  await page.goto(`${c.url}/`);
  const chart = tile(page, "activity").getByTestId("tile-activity-table");
  await expect(chart.getByRole("row", { name: /^Console/ })).toBeVisible();
  await expect(chart.getByRole("row", { name: /^Outside \(CTS\)/ })).toContainText("1");
});

test("a tile whose read fails says so on its own and recovers on Try again; the others are drawn", async ({ page }) => {
  await signIn(page, "alice");
  await emulator.fault({ method: "GET", path: "/v1/*/cloudimages/*/members", status: 500, code: "IMG.0500" });
  try {
    await page.reload();
    const failed = tile(page, "nearLimit");
    await expect(failed).toHaveAttribute("data-state", "error");
    await expect(failed).toContainText("This tile could not be read");
    await expect(tile(page, "incoming")).toHaveAttribute("data-state", "ready");
    await expect(tile(page, "approvals")).toHaveAttribute("data-state", "ready");
  } finally {
    await emulator.clearFaults();
  }
  await tile(page, "nearLimit").getByRole("button", { name: "Try again" }).click();
  await expect(tile(page, "nearLimit")).toHaveAttribute("data-state", "ready");
  await expect(
    tile(page, "nearLimit").getByTestId("tile-nearLimit-item").filter({ hasText: "almost-full" }),
  ).toHaveText(/255 of 256/);
});

test("a read-only user sees the same overview without the buttons that change anything", async ({ page }) => {
  await signIn(page, "audrey");
  await expect(tile(page, "incoming").getByTestId("tile-incoming-count")).toHaveText("3");
  await expect(page.getByText(/Your user is read-only/)).toBeVisible();
  await expect(page.getByRole("link", { name: "New batch" })).toHaveCount(0);
  await expect(tile(page, "cts").getByRole("button", { name: "Import now" })).toHaveCount(0);
});

test("tiles are asked again as often as the inbox badge: a share bob makes shows up without a reload", async ({
  page,
}) => {
  await signIn(page, "alice");
  await expect(tile(page, "incoming").getByTestId("tile-incoming-count")).toHaveText("3");
  const bob = await emulator.issueToken("bob");
  await emulator.cloud(bob, "POST", "/v1/cloudimages/members", {
    images: [DEMO_IMAGES.globexNewRelease],
    projects: [DEMO.acmeAp],
  });
  await expect(tile(page, "incoming").getByTestId("tile-incoming-count")).toHaveText("4", { timeout: 25_000 });
  // The oldest first: the share just made comes last.
  await expect(tile(page, "incoming").getByTestId("tile-incoming-item").last()).toContainText("globex-new-release");
});
