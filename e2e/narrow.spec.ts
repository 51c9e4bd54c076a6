import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
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
