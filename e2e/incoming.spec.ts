import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { auditActions, expect, emulator, test } from "./fixtures";
import { IncomingPage } from "./pages/incoming";

/** vault-server-backup, acme's one usable vault (emulator/seed/demo.ts). */
const SERVER_BACKUP_VAULT = "ac0e0000-0000-4000-8000-00000000ba01";

test.use({ user: "alice" });
test.beforeEach(async ({ page }) => {
  await emulator.reset();
  await new IncomingPage(page).goto();
  await expect(page).toHaveURL(/\/incoming$/);
});

test(
  "alice accepts globex-analytics-gpu, rejects initech-ml-base and re-accepts globex-old-base",
  { tag: "@flow" },
  async ({ page }) => {
    const inbox = new IncomingPage(page);
    await expect(inbox.tab("pending")).toContainText("3");
    await expect(page.getByText("A pending image is not listed for use until you accept it.")).toBeVisible();
    await expect(inbox.row("globex-analytics-gpu")).toContainText("pending for 3 days");

    await inbox.accept("globex-analytics-gpu").click();
    await expect(page.getByText("Accepted globex-analytics-gpu")).toBeVisible();
    await expect(inbox.row("globex-analytics-gpu")).toHaveCount(0);
    await inbox.reject("initech-ml-base").click();
    await expect(page.getByText("Rejected initech-ml-base")).toBeVisible();
    await expect(inbox.tab("pending")).toContainText("1");

    await inbox.tab("accepted").click();
    await expect(inbox.row("globex-analytics-gpu")).toBeVisible();
    await inbox.tab("rejected").click();
    await expect(
      page.getByText("A rejected image can be accepted again later, and can still be used by its id."),
    ).toBeVisible();
    await expect(inbox.row("initech-ml-base")).toBeVisible();
    await inbox.accept("globex-old-base").click();
    await expect(page.getByText("Accepted globex-old-base")).toBeVisible();
    await inbox.tab("accepted").click();
    await expect(inbox.row("globex-old-base")).toBeVisible();
    expect(await auditActions("alice")).toEqual(expect.arrayContaining(["accept", "reject"]));
  },
);

test(
  "accepting globex-fullecs-cbr needs vault-server-backup; the disk and frozen vaults are refused",
  { tag: "@flow" },
  async ({ page }) => {
    const inbox = new IncomingPage(page);
    await inbox.accept("globex-fullecs-cbr").click();
    const dialog = page.getByRole("dialog", { name: "Choose a vault for the full-ECS image" });
    await expect(dialog.getByRole("radio", { name: /vault-disk-only/ })).toBeDisabled();
    await expect(dialog).toContainText("Not a server-backup vault: IMS needs a cloud server backup vault (IMG.0193).");
    await expect(dialog.getByRole("radio", { name: /vault-frozen/ })).toBeDisabled();
    await expect(dialog).toContainText("Vault is frozen");
    // The only usable vault is chosen already.
    await expect(dialog.getByRole("radio", { name: /vault-server-backup/ })).toBeChecked();
    await dialog.getByRole("button", { name: "Accept globex-fullecs-cbr" }).click();
    await expect(page.getByText("Accepted globex-fullecs-cbr")).toBeVisible();
    await inbox.tab("accepted").click();
    // The Accepted tab names the vault it went to, not that it "needs a vault".
    const row = inbox.row("globex-fullecs-cbr");
    await expect(row).toContainText("accepted into vault vault-server-backup");
    await expect(row).toContainText(SERVER_BACKUP_VAULT);
    await expect(row).not.toContainText("needs a vault");
  },
);

test("a selection is accepted in one go, each image's result reported", { tag: "@flow" }, async ({ page }) => {
  const inbox = new IncomingPage(page);
  await inbox.select("globex-analytics-gpu").check();
  await inbox.select("initech-ml-base").check();
  await emulator.resetStats();
  await page.getByRole("button", { name: "Accept 2 selected" }).click();
  await expect(page.getByText("Accepted 2 images")).toBeVisible();
  await expect(inbox.tab("pending")).toContainText("1");
  expect((await emulator.stats())["PUT /v1/cloudimages/members"]).toBe(1);
});

test("a read-only user sees the inbox without the action buttons", async ({ pageAs }) => {
  const page = await pageAs("audrey");
  const inbox = new IncomingPage(page);
  await inbox.goto();
  await expect(inbox.row("globex-analytics-gpu")).toBeVisible();
  await expect(page.getByRole("button", { name: /Accept|Reject/ })).toHaveCount(0);
});

test("a share that arrived since alice last looked is marked new, once", async ({ page }) => {
  const inbox = new IncomingPage(page);
  await expect(inbox.row("globex-analytics-gpu")).not.toContainText("New");
  const bob = await emulator.issueToken("bob");
  const { job_id } = (await emulator.cloud(bob, "POST", "/v1/cloudimages/members", {
    images: [DEMO_IMAGES.globexNewRelease],
    projects: [DEMO.acmeAp],
  })) as { job_id: string };
  await expect
    .poll(
      async () =>
        ((await emulator.cloud(bob, "GET", `/v1/${DEMO.globexAp}/jobs/${job_id}`)) as { status: string }).status,
    )
    .toBe("SUCCESS");
  await page.reload();
  await expect(inbox.row("globex-new-release")).toContainText("New");
  await expect(inbox.row("globex-analytics-gpu")).not.toContainText("New");
  await page.reload();
  await expect(inbox.row("globex-new-release")).toBeVisible();
  await expect(inbox.row("globex-new-release")).not.toContainText("New");
});

test("Back brings the inbox's filter form along with the list", async ({ page }) => {
  const incoming = new IncomingPage(page);
  await incoming.search("globex");
  await expect(page).toHaveURL(/[?&]q=globex&/);
  await expect(incoming.row("initech-ml-base")).toHaveCount(0);
  await incoming.search("initech");
  await expect(page).toHaveURL(/[?&]q=initech&/);
  await expect(incoming.row("globex-analytics-gpu")).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/[?&]q=globex&/);
  await expect(incoming.row("globex-analytics-gpu")).toBeVisible();
  await expect(incoming.searchBox()).toHaveValue("globex");
});
