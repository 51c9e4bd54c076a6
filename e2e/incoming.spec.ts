import { auditActions, expect, emulator, test } from "./fixtures";

test.beforeEach(async ({ page, login }) => {
  await emulator.reset();
  await login.goto("/incoming");
  await login.signIn("alice");
  await expect(page).toHaveURL(/\/incoming$/);
});

const tab = (page: import("@playwright/test").Page, name: string) =>
  page.getByRole("navigation", { name: "Share states" }).getByRole("link", { name: new RegExp(`^${name}`) });

test(
  "alice accepts globex-analytics-gpu, rejects initech-ml-base and re-accepts globex-old-base",
  { tag: "@flow" },
  async ({ page }) => {
    await expect(tab(page, "pending")).toContainText("3");
    await expect(page.getByText("A pending image is not listed for use until you accept it.")).toBeVisible();
    await expect(page.getByRole("row", { name: /globex-analytics-gpu/ })).toContainText("pending for 3 days");

    await page.getByRole("button", { name: "Accept globex-analytics-gpu" }).click();
    await expect(page.getByText("Accepted globex-analytics-gpu")).toBeVisible();
    await expect(page.getByRole("row", { name: /globex-analytics-gpu/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Reject initech-ml-base" }).click();
    await expect(page.getByText("Rejected initech-ml-base")).toBeVisible();
    await expect(tab(page, "pending")).toContainText("1");

    await tab(page, "accepted").click();
    await expect(page.getByRole("row", { name: /globex-analytics-gpu/ })).toBeVisible();
    await tab(page, "rejected").click();
    await expect(
      page.getByText("A rejected image can be accepted again later, and can still be used by its id."),
    ).toBeVisible();
    await expect(page.getByRole("row", { name: /initech-ml-base/ })).toBeVisible();
    await page.getByRole("button", { name: "Accept globex-old-base" }).click();
    await expect(page.getByText("Accepted globex-old-base")).toBeVisible();
    await tab(page, "accepted").click();
    await expect(page.getByRole("row", { name: /globex-old-base/ })).toBeVisible();
    expect(await auditActions("alice")).toEqual(expect.arrayContaining(["accept", "reject"]));
  },
);

test(
  "accepting globex-fullecs-cbr needs vault-server-backup; the disk and frozen vaults are refused",
  { tag: "@flow" },
  async ({ page }) => {
    await page.getByRole("button", { name: "Accept globex-fullecs-cbr" }).click();
    const dialog = page.getByRole("dialog", { name: "Choose a vault for the full-ECS image" });
    await expect(dialog.getByRole("radio", { name: /vault-disk-only/ })).toBeDisabled();
    await expect(dialog).toContainText("Not a server-backup vault: IMS needs a cloud server backup vault (IMG.0193).");
    await expect(dialog.getByRole("radio", { name: /vault-frozen/ })).toBeDisabled();
    await expect(dialog).toContainText("Vault is frozen");
    const accept = dialog.getByRole("button", { name: "Accept globex-fullecs-cbr" });
    await expect(accept).toBeDisabled();
    await dialog.getByRole("radio", { name: /vault-server-backup/ }).check();
    await accept.click();
    await expect(page.getByText("Accepted globex-fullecs-cbr")).toBeVisible();
    await tab(page, "accepted").click();
    await expect(page.getByRole("row", { name: /globex-fullecs-cbr/ })).toBeVisible();
  },
);

test("a selection is accepted in one go, each image's result reported", { tag: "@flow" }, async ({ page }) => {
  await page.getByRole("checkbox", { name: "Select globex-analytics-gpu" }).check();
  await page.getByRole("checkbox", { name: "Select initech-ml-base" }).check();
  await emulator.resetStats();
  await page.getByRole("button", { name: "Accept 2 selected" }).click();
  await expect(page.getByText("Accepted 2 images")).toBeVisible();
  await expect(tab(page, "pending")).toContainText("1");
  expect((await emulator.stats())["PUT /v1/cloudimages/members"]).toBe(1);
});

test("a read-only user sees the inbox without the action buttons", async ({ page, login }) => {
  await page.getByRole("button", { name: /User menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await login.signIn("audrey");
  await expect(page).toHaveURL(/\/images$/);
  await page.goto("/incoming");
  await expect(page.getByRole("row", { name: /globex-analytics-gpu/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Accept|Reject/ })).toHaveCount(0);
});

test("a share that arrived since alice last looked is marked new, once", async ({ page }) => {
  await expect(page.getByRole("row", { name: /globex-analytics-gpu/ })).not.toContainText("New");
  const bob = await emulator.issueToken("bob");
  const { job_id } = (await emulator.cloud(bob, "POST", "/v1/cloudimages/members", {
    images: ["610be000-0000-4000-8000-000000000005"],
    projects: ["ac0e00000000000000000000000000a1"],
  })) as { job_id: string };
  await expect
    .poll(
      async () =>
        (
          (await emulator.cloud(bob, "GET", `/v1/610be0000000000000000000000000a1/jobs/${job_id}`)) as {
            status: string;
          }
        ).status,
    )
    .toBe("SUCCESS");
  await page.reload();
  await expect(page.getByRole("row", { name: /globex-new-release/ })).toContainText("New");
  await expect(page.getByRole("row", { name: /globex-analytics-gpu/ })).not.toContainText("New");
  await page.reload();
  await expect(page.getByRole("row", { name: /globex-new-release/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /globex-new-release/ })).not.toContainText("New");
});
