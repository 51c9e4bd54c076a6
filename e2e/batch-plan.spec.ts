import { expect, emulator, query, test } from "./fixtures";

const UBUNTU = "1b7f0000-0000-4000-8000-000000000001";
const DEBIAN = "1b7f0000-0000-4000-8000-000000000002";
const CENTOS_ENCRYPTED = "1b7f0000-0000-4000-8000-000000000003";
const GLOBEX = "610be0000000000000000000000000a1";
const INITECH = "1417ec000000000000000000000000a1";

test.beforeEach(async ({ page, login }) => {
  await emulator.reset();
  await login.goto();
  await login.signIn("alice");
  await expect(page).toHaveURL(/\/images$/);
});

test("plan a batch, exclude a pair and launch it", async ({ page }) => {
  await page.goto(`/batches/new?images=${UBUNTU}`);
  await expect(page.getByLabel("Select ubuntu-22.04-web")).toBeChecked();
  await page.getByLabel("Search images").fill("debian");
  await page.getByLabel("Select debian-12-base").check();
  await page.getByLabel("Or paste image ids").fill(CENTOS_ENCRYPTED);
  // debian-12-base already has both projects as members; one line is not an id.
  await page.getByLabel("Targets", { exact: true }).fill(`${GLOBEX}, ${INITECH}\nnot-an-id`);
  await emulator.resetStats();
  await page.getByRole("button", { name: "Plan", exact: true }).click();

  const total = (label: string) => page.locator("dt", { hasText: label }).locator("+ dd");
  await expect(total("To add")).toHaveText("2");
  await expect(total("Skipped: already members")).toHaveText("2");
  await expect(total("Blocked")).toHaveText("2");
  await expect(page.getByRole("region", { name: "Blocked pairs" })).toContainText("2Encrypted with a KMS key");
  await expect(page.getByRole("region", { name: /Target lines left out/ })).toContainText("not-an-id");
  expect((await emulator.stats())["POST /v1/cloudimages/members"]).toBeUndefined();

  const cell = page.getByRole("button", { name: `ubuntu-22.04-web → ${GLOBEX}: Will add.` });
  await cell.click();
  await expect(page.getByRole("button", { name: `ubuntu-22.04-web → ${GLOBEX}: Excluded by you.` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(total("Excluded by you")).toHaveText("1");
  await expect(total("Pairs launched")).toHaveText("1");
  await page.getByRole("button", { name: "Launch 1 pair" }).click();

  await expect(page).toHaveURL(/\/batches\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  // The one pair may finish (batch_finished) before this reads: look for the launch itself.
  const [audit] = await query<{ outcome: string; images: string }>(
    "select outcome, images from audit_events where user_name = 'alice' and action = 'batch_launched' order by seq desc limit 1",
  );
  expect(audit).toMatchObject({ outcome: "succeeded" });
  // Ticked images come in the list's order (by name), pasted ones after them.
  expect(JSON.parse(audit.images)).toEqual([DEBIAN, UBUNTU, CENTOS_ENCRYPTED]);
});

test("targets without a single id are refused with a field error, and the input stays", async ({ page }) => {
  await page.goto(`/batches/new?images=${UBUNTU}`);
  const targets = page.getByLabel("Targets", { exact: true });
  await targets.fill("nothing-valid here");
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByText("None of these lines is a project id").first()).toBeVisible();
  await expect(targets).toHaveAttribute("aria-invalid", "true");
  await expect(targets).toHaveValue("nothing-valid here");
});
