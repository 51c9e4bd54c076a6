import type { Page } from "@playwright/test";
import { auditActions, emulator, expect, lastAudit, type LoginPage, test } from "./fixtures";

const GLOBEX_PHONE = "610be000000000000000000000c9a001";
const ACME_AP = "ac0e00000000000000000000000000a1";
const NAME = "globex-cph-android12";

/** The phone section of the Incoming page. */
class PhoneInbox {
  constructor(readonly page: Page) {}

  async open(login: LoginPage, user: "alice" | "audrey" = "alice") {
    await login.goto("/incoming");
    await login.signIn(user);
    await expect(this.page).toHaveURL(/\/incoming$/);
    await expect(this.section()).toBeVisible();
  }

  section() {
    return this.page.getByRole("region", { name: "Phone images shared with this project" });
  }

  row(name = NAME) {
    return this.section().getByRole("row").filter({ hasText: name });
  }
}

// The console's audit trail outlives emulator.reset(): a decision made by an earlier test stays the
// last one recorded. Each test therefore checks what its own action changed, not a fresh state.
test.beforeEach(async () => {
  await emulator.reset();
});

test("alice accepts globex-cph-android12 and the row says so", { tag: "@flow" }, async ({ page, login }) => {
  const inbox = new PhoneInbox(page);
  await inbox.open(login);
  await expect(
    inbox.section().getByRole("heading", { level: 2, name: "Phone images shared with this project" }),
  ).toBeVisible();
  await expect(inbox.section()).toContainText("CPH does not report whether this project has accepted a share");
  const row = inbox.row();
  await expect(row).toContainText(GLOBEX_PHONE);
  await expect(row).toContainText("610be0000000000000000000000000a1");
  await expect(row).toContainText("No decision recorded by this console");

  await row.getByRole("button", { name: `Accept ${NAME}` }).click();
  await expect(page.getByText(`Accepted ${NAME}`, { exact: true })).toBeVisible();
  await expect(row).toContainText("Accepted by alice via this console");
  expect(await auditActions("alice")).toContain("accept");
  const audit = await lastAudit("alice");
  expect(audit).toMatchObject({ action: "accept", outcome: "succeeded", error_code: null });
  expect(JSON.parse(audit.images)).toEqual([GLOBEX_PHONE]);
  expect(JSON.parse(audit.pairs)).toEqual([{ image: GLOBEX_PHONE, target: ACME_AP, outcome: "succeeded" }]);
});

test(
  "rejecting a selection is recorded, and the latest decision is the one shown",
  { tag: "@flow" },
  async ({ page, login }) => {
    const inbox = new PhoneInbox(page);
    await inbox.open(login);
    await inbox
      .row()
      .getByRole("checkbox", { name: `Select ${NAME}` })
      .check();
    await inbox.section().getByRole("button", { name: "Reject 1 selected" }).click();
    await expect(page.getByText(`Rejected ${NAME}`, { exact: true })).toBeVisible();
    await expect(inbox.row()).toContainText("Rejected by alice via this console");
    await expect(inbox.section().getByRole("button", { name: "Reject selected" })).toBeDisabled();
    expect(await lastAudit("alice")).toMatchObject({ action: "reject", outcome: "succeeded" });

    await inbox
      .row()
      .getByRole("button", { name: `Accept ${NAME}` })
      .click();
    await expect(inbox.row()).toContainText("Accepted by alice via this console");
    expect((await auditActions("alice")).filter((a) => a === "accept" || a === "reject").slice(-2)).toEqual([
      "reject",
      "accept",
    ]);
  },
);

test("a 503 on the accept shows the reason and the audit records the failure", async ({ page, login }) => {
  const inbox = new PhoneInbox(page);
  await inbox.open(login);
  await inbox
    .row()
    .getByRole("button", { name: `Reject ${NAME}` })
    .click();
  await expect(inbox.row()).toContainText("Rejected by alice via this console");
  const before = await inbox.row().textContent();
  await emulator.fault({ method: "PUT", path: "/v1/*/cloud-phone/images/*/members", status: 503, times: 1 });
  await inbox
    .row()
    .getByRole("button", { name: `Accept ${NAME}` })
    .click();
  await expect(page.getByText(`Could not accept ${NAME}`)).toBeVisible();
  await expect(page.getByText("Huawei Cloud is not answering right now. Try again in a minute.")).toBeVisible();
  await expect(page.getByText("(CPS.0003)")).toBeVisible();
  await expect(inbox.row()).toHaveText(before ?? "");
  const audit = await lastAudit("alice");
  expect(audit).toMatchObject({ action: "accept", outcome: "failed", error_code: "CPS.0003" });
  expect(JSON.parse(audit.pairs)).toEqual([
    { image: GLOBEX_PHONE, target: ACME_AP, outcome: "failed", code: "CPS.0003" },
  ]);

  const dismiss = page.getByRole("button", { name: "Dismiss" });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  await inbox
    .row()
    .getByRole("button", { name: `Accept ${NAME}` })
    .click();
  await expect(inbox.row()).toContainText("Accepted by alice via this console");
});

test("audrey sees the shared phone images without Accept or Reject", async ({ page, login }) => {
  const inbox = new PhoneInbox(page);
  await inbox.open(login, "audrey");
  await expect(inbox.row()).toContainText(GLOBEX_PHONE);
  await expect(inbox.row()).toContainText(/No decision recorded by this console|via this console/);
  await expect(inbox.section().getByRole("button", { name: /accept|reject/i })).toHaveCount(0);
  await expect(inbox.section().getByRole("checkbox")).toHaveCount(0);
});
