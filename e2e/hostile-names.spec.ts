import { expect, emulator, test } from "./fixtures";

/**
 * Names come from the cloud, where anyone who can create an image chooses them: they must render
 * as text on every page that shows them, never as markup or script.
 */
const SCRIPTED = "3a7f0000-0000-4000-8000-0000000000e1";
const UNICODE = "3a7f0000-0000-4000-8000-0000000000e2";
const SCRIPT_NAME = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
const UNICODE_NAME = `‮gpj.exe​${"名".repeat(120)}\u0000end`.slice(0, 255);

test("hostile image names render as text in the list, the detail, the batch planner and a batch", async ({
  page,
  login,
}) => {
  await emulator.reset();
  const owner = "ac0e00000000000000000000000000a1";
  await emulator.post("/images", { id: SCRIPTED, name: SCRIPT_NAME, owner });
  await emulator.post("/images", { id: UNICODE, name: UNICODE_NAME.replace("\u0000", ""), owner });
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await login.goto();
  await login.signIn("alice");
  await expect(page).toHaveURL(/\/images$/);

  const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  await page.goto(`/images?q=${SCRIPTED}`);
  await expect(page.getByRole("link", { name: SCRIPT_NAME })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.goto(`/images/${SCRIPTED}`);
  await expect(page.getByRole("heading", { name: SCRIPT_NAME })).toBeVisible();
  await page.goto(`/images/${UNICODE}`);
  await expect(page.getByRole("heading", { name: UNICODE_NAME.replace("\u0000", "") })).toBeVisible();

  await page.goto(`/batches/new?images=${SCRIPTED},${UNICODE}`);
  await page.getByLabel("Targets", { exact: true }).fill("610be0000000000000000000000000a1");
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await page.getByRole("button", { name: "Launch 2 pairs" }).click();
  await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
  await expect(page.getByText(SCRIPT_NAME).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await pwned()).toBeUndefined();
  expect(dialogs).toEqual([]);
});
