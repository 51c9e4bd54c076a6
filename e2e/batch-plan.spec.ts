import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { expect, emulator, query, test } from "./fixtures";
import { BatchPlanner } from "./pages/batches";

const { ubuntu: UBUNTU, debian: DEBIAN, centosEncrypted: CENTOS_ENCRYPTED } = DEMO_IMAGES;
const { globexAp: GLOBEX, initechAp: INITECH } = DEMO;

test.use({ user: "alice" });
test.beforeEach(async () => {
  await emulator.reset();
});

test("plan a batch, exclude a pair and launch it", async ({ page }) => {
  const planner = new BatchPlanner(page);
  await planner.goto([UBUNTU]);
  await expect(page.getByLabel("Select ubuntu-22.04-web")).toBeChecked();
  await page.getByLabel("Search images").fill("debian");
  await page.getByLabel("Select debian-12-base").check();
  await page.getByLabel("Or paste image ids").fill(CENTOS_ENCRYPTED);
  // debian-12-base already has both projects as members; one line is not an id.
  await planner.targets().fill(`${GLOBEX}, ${INITECH}\nnot-an-id`);
  await emulator.resetStats();
  await planner.plan();

  await expect(planner.total("To add")).toHaveText("2");
  await expect(planner.total("Skipped: already members")).toHaveText("2");
  await expect(planner.total("Blocked")).toHaveText("2");
  await expect(page.getByRole("region", { name: "Blocked pairs" })).toContainText("2Encrypted with a KMS key");
  await expect(page.getByRole("region", { name: /Target lines left out/ })).toContainText("not-an-id");
  expect((await emulator.stats())["POST /v1/cloudimages/members"]).toBeUndefined();

  await planner.cell("ubuntu-22.04-web", GLOBEX, "Will add.").click();
  await expect(planner.cell("ubuntu-22.04-web", GLOBEX, "Excluded by you.")).toHaveAttribute("aria-pressed", "true");
  await expect(planner.total("Excluded by you")).toHaveText("1");
  await expect(planner.total("Pairs launched")).toHaveText("1");
  await planner.launch(1);

  // The one pair may finish (batch_finished) before this reads: look for the launch itself.
  const [audit] = await query<{ outcome: string; images: string }>(
    "select outcome, images from audit_events where user_name = 'alice' and action = 'batch_launched' order by seq desc limit 1",
  );
  expect(audit).toMatchObject({ outcome: "succeeded" });
  // Ticked images come in the list's order (by name), pasted ones after them.
  expect(JSON.parse(audit.images)).toEqual([DEBIAN, UBUNTU, CENTOS_ENCRYPTED]);
});

test("targets without a single id are refused with a field error, and the input stays", async ({ page }) => {
  const planner = new BatchPlanner(page);
  await planner.goto([UBUNTU]);
  const targets = planner.targets();
  await targets.fill("nothing-valid here");
  await planner.plan();
  await expect(page.getByText("None of these lines is a project id").first()).toBeVisible();
  await expect(targets).toHaveAttribute("aria-invalid", "true");
  await expect(targets).toHaveValue("nothing-valid here");
});
