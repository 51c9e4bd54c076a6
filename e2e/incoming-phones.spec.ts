import { DEMO, DEMO_PHONES } from "../emulator/seed/demo";
import { auditActions, emulator, expect, lastAudit, test } from "./fixtures";
import { IncomingPage } from "./pages/incoming";

const GLOBEX_PHONE = DEMO_PHONES.globexAndroid12;
const ACME_AP = DEMO.acmeAp;
const NAME = "globex-cph-android12";

/** The Incoming page, open on its phone section. */
async function openInbox(inbox: IncomingPage) {
  await inbox.goto();
  await expect(inbox.page).toHaveURL(/\/incoming$/);
  await expect(inbox.phones()).toBeVisible();
}

test.use({ user: "alice" });
// The console's audit trail outlives emulator.reset(): a decision made by an earlier test stays the
// last one recorded. Each test therefore checks what its own action changed, not a fresh state.
test.beforeEach(async () => {
  await emulator.reset();
});

test("alice accepts globex-cph-android12 and the row says so", { tag: "@flow" }, async ({ page }) => {
  const inbox = new IncomingPage(page);
  await openInbox(inbox);
  await expect(
    inbox.phones().getByRole("heading", { level: 2, name: "Phone images shared with this project" }),
  ).toBeVisible();
  await expect(inbox.phones()).toContainText("CPH does not report whether this project has accepted a share");
  const row = inbox.phoneRow(NAME);
  await expect(row).toContainText(GLOBEX_PHONE);
  // The owner's id, shortened on the row, whole in its copy button.
  await expect(row.getByRole("button", { name: `Copy ${DEMO.globexAp}` })).toBeVisible();
  await expect(row).toContainText("No decision recorded by this console");

  await row.getByRole("button", { name: `Accept ${NAME}` }).click();
  await expect(page.getByText(`Accepted ${NAME}`, { exact: true })).toBeVisible();
  await expect(row).toContainText("Accepted by alice via this console");
  expect(await auditActions("alice")).toContain("accept");
  const audit = await lastAudit("alice", 0, "accept");
  expect(audit).toMatchObject({ action: "accept", outcome: "succeeded", error_code: null });
  expect(JSON.parse(audit.images)).toEqual([GLOBEX_PHONE]);
  expect(JSON.parse(audit.pairs)).toEqual([{ image: GLOBEX_PHONE, target: ACME_AP, outcome: "succeeded" }]);
});

test(
  "rejecting a selection is recorded, and the latest decision is the one shown",
  { tag: "@flow" },
  async ({ page }) => {
    const inbox = new IncomingPage(page);
    await openInbox(inbox);
    await inbox
      .phoneRow(NAME)
      .getByRole("checkbox", { name: `Select ${NAME}` })
      .check();
    await inbox.phones().getByRole("button", { name: "Reject 1 selected" }).click();
    await expect(page.getByText(`Rejected ${NAME}`, { exact: true })).toBeVisible();
    await expect(inbox.phoneRow(NAME)).toContainText("Rejected by alice via this console");
    await expect(inbox.phones().getByRole("button", { name: "Reject selected" })).toBeDisabled();
    expect(await lastAudit("alice")).toMatchObject({ action: "reject", outcome: "succeeded" });

    await inbox
      .phoneRow(NAME)
      .getByRole("button", { name: `Accept ${NAME}` })
      .click();
    await expect(inbox.phoneRow(NAME)).toContainText("Accepted by alice via this console");
    expect((await auditActions("alice")).filter((a) => a === "accept" || a === "reject").slice(-2)).toEqual([
      "reject",
      "accept",
    ]);
  },
);

test("a 503 on the accept shows the reason and the audit records the failure", async ({ page }) => {
  const inbox = new IncomingPage(page);
  await openInbox(inbox);
  await inbox
    .phoneRow(NAME)
    .getByRole("button", { name: `Reject ${NAME}` })
    .click();
  await expect(inbox.phoneRow(NAME)).toContainText("Rejected by alice via this console");
  const before = await inbox.phoneRow(NAME).textContent();
  await emulator.fault({ method: "PUT", path: "/v1/*/cloud-phone/images/*/members", status: 503, times: 1 });
  await inbox
    .phoneRow(NAME)
    .getByRole("button", { name: `Accept ${NAME}` })
    .click();
  await expect(page.getByText(`Could not accept ${NAME}`)).toBeVisible();
  await expect(page.getByText("Huawei Cloud is not answering right now. Try again in a minute.")).toBeVisible();
  await expect(page.getByText("(CPS.0003)")).toBeVisible();
  await expect(inbox.phoneRow(NAME)).toHaveText(before ?? "");
  const audit = await lastAudit("alice");
  expect(audit).toMatchObject({ action: "accept", outcome: "failed", error_code: "CPS.0003" });
  expect(JSON.parse(audit.pairs)).toEqual([
    { image: GLOBEX_PHONE, target: ACME_AP, outcome: "failed", code: "CPS.0003" },
  ]);

  const dismiss = page.getByRole("button", { name: "Dismiss" });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  await inbox
    .phoneRow(NAME)
    .getByRole("button", { name: `Accept ${NAME}` })
    .click();
  await expect(inbox.phoneRow(NAME)).toContainText("Accepted by alice via this console");
});

test("audrey sees the shared phone images without Accept or Reject", async ({ pageAs }) => {
  const inbox = new IncomingPage(await pageAs("audrey"));
  await openInbox(inbox);
  await expect(inbox.phoneRow(NAME)).toContainText(GLOBEX_PHONE);
  await expect(inbox.phoneRow(NAME)).toContainText(/No decision recorded by this console|via this console/);
  await expect(inbox.phones().getByRole("button", { name: /accept|reject/i })).toHaveCount(0);
  await expect(inbox.phones().getByRole("checkbox")).toHaveCount(0);
});
