import { DEMO, DEMO_IMAGES, DEMO_PHONES } from "../emulator/seed/demo";
import { emulator, expect, test } from "./fixtures";
import { ImagePage } from "./pages/images";

const WIDTH = 360;
const HEIGHT = 740;

test.use({ user: "alice", viewport: { width: WIDTH, height: HEIGHT } });
test.beforeEach(async () => {
  await emulator.reset();
});

test("at 360 px the image page fits the screen and its members table stacks into labelled rows", async ({ page }) => {
  const image = new ImagePage(page);
  await image.goto(DEMO_IMAGES.debian);
  const row = image.member(DEMO.globexAp);
  await expect(row).toBeVisible();
  // Each cell is a line with its column's name: the row is a card, not a strip of unlabelled values.
  for (const label of ["Member", "Status", "Shared", "Updated"])
    await expect(row.getByText(label, { exact: true })).toBeVisible();
  const box = await row.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
  expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(WIDTH);
  // The member's id stays on one line (cut short, whole in its title), never broken in the middle.
  const id = row.locator(`[title="${DEMO.globexAp}"]`).first();
  const lines = await id.evaluate(
    (el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
  );
  expect(lines).toBeLessThan(1.5);
});

test("at 360 px the share dialog and its plan lie within the screen", async ({ page }) => {
  const image = new ImagePage(page);
  await image.goto(DEMO_IMAGES.debian);
  await image.checkTargets(`${DEMO.globexAp}\n${DEMO.initechAp}`);
  const dialog = image.dialog();
  const plan = dialog.getByRole("table");
  await expect(plan.getByText("Result", { exact: true }).first()).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
  expect(box!.y + box!.height).toBeLessThanOrEqual(HEIGHT);
  expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(WIDTH);
});

test("at 360 px no page of the console is wider than the screen", async ({ page }) => {
  const routes = [
    "/",
    "/images",
    `/images/${DEMO_IMAGES.ubuntu}`,
    "/phones",
    `/phones/${DEMO_PHONES.android12Base}`,
    "/incoming",
    "/incoming?tab=accepted",
    "/batches",
    "/batches/new",
    "/history",
    "/names",
    "/manifests",
  ];
  const wide: string[] = [];
  for (const route of routes) {
    await page.goto(route);
    await expect(page.getByRole("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
    const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    if (width > WIDTH) wide.push(`${route}: ${width} px`);
  }
  expect(wide).toEqual([]);
});
