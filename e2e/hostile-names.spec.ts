import { DEMO } from "../emulator/seed/demo";
import { expect, emulator, test } from "./fixtures";
import { BatchPlanner } from "./pages/batches";
import { ImagePage, ImagesPage } from "./pages/images";

/**
 * Names come from the cloud, where anyone who can create an image chooses them: they must render
 * as text on every page that shows them, never as markup or script.
 */
const SCRIPTED = "3a7f0000-0000-4000-8000-0000000000e1";
const UNICODE = "3a7f0000-0000-4000-8000-0000000000e2";
const SCRIPT_NAME = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
const UNICODE_NAME = `‮gpj.exe​${"名".repeat(120)}\u0000end`.slice(0, 255);

test.use({ user: "alice" });

test("hostile image names render as text in the list, the detail, the batch planner and a batch", async ({ page }) => {
  await emulator.reset();
  const owner = DEMO.acmeAp;
  await emulator.post("/images", { id: SCRIPTED, name: SCRIPT_NAME, owner });
  await emulator.post("/images", { id: UNICODE, name: UNICODE_NAME.replace("\u0000", ""), owner });
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  await new ImagesPage(page).goto(`?q=${SCRIPTED}`);
  await expect(page.getByRole("link", { name: SCRIPT_NAME })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const image = new ImagePage(page);
  await image.goto(SCRIPTED);
  await expect(image.heading(SCRIPT_NAME)).toBeVisible();
  await image.goto(UNICODE);
  await expect(image.heading(UNICODE_NAME.replace("\u0000", ""))).toBeVisible();

  const planner = new BatchPlanner(page);
  await planner.goto([SCRIPTED, UNICODE]);
  await planner.targets().fill(DEMO.globexAp);
  await planner.plan();
  await planner.launch(2);
  await expect(page.getByText(SCRIPT_NAME).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await pwned()).toBeUndefined();
  expect(dialogs).toEqual([]);
});
