import { DEMO, DEMO_PHONES } from "../emulator/seed/demo";
import { auditActions, emulator, expect, lastAudit, test } from "./fixtures";
import { PhoneImagePage, PhonesPage } from "./pages/phones";

const { android11Game: GAME, android12Base: BASE, atLimit: AT_LIMIT } = DEMO_PHONES;
const { globexAp: GLOBEX_AP, globexCn: GLOBEX_CN, initechAp: INITECH_AP, acmeAp: ACME_AP, acmeCn: ACME_CN } = DEMO;
const POST_MEMBERS = "POST /v1/{id}/cloud-phone/images/{id}/members";

async function postCount(): Promise<number> {
  return (await emulator.stats())[POST_MEMBERS] ?? 0;
}

test.use({ user: "alice" });
test.beforeEach(async () => {
  await emulator.reset();
});

test(
  "the list shows each phone image with its status and member count, searchable in the URL",
  { tag: "@flow" },
  async ({ page }) => {
    const phones = new PhonesPage(page);
    await phones.goto();
    await expect(page).toHaveURL(/\/phones$/);
    const row = (name: string) => phones.row(name);
    await expect(row("cph-android11-game")).toContainText("Android 11");
    await expect(row("cph-android11-game")).toContainText("Usable");
    await expect(row("cph-android11-game").getByRole("meter")).toHaveAttribute("aria-valuenow", "1");
    await expect(row("cph-at-limit")).toContainText("10 / 10");
    await expect(row("cph-android12-base")).toContainText("0 / 10");
    await expect(page.getByText("1–3 of 3")).toBeVisible();

    await phones.search("android1");
    await expect(page).toHaveURL(/\/phones\?q=android1$/);
    await expect(page.getByText("1–2 of 2")).toBeVisible();
    await expect(row("cph-at-limit")).toHaveCount(0);

    await phones.goto("?offset=2&limit=10");
    await expect(page.getByText("3–3 of 3")).toBeVisible();
    await expect(page.getByRole("link", { name: "Previous page" })).toHaveAttribute("href", "/phones?limit=10");
    await phones.goto("?q=no-such-image");
    await expect(page.getByText("No phone image matches “no-such-image”")).toBeVisible();
  },
);

test("alice shares cph-android12-base with globex and sees it listed 1 / 10", { tag: "@flow" }, async ({ page }) => {
  const phone = new PhoneImagePage(page);
  await phone.goto(BASE);
  await expect(page.getByText("Not shared with any project")).toBeVisible();
  await phone.check(GLOBEX_AP);
  await expect(phone.row(GLOBEX_AP)).toContainText("add");
  await expect(phone.dialog().getByLabel("Project ids")).toHaveValue(GLOBEX_AP);
  expect(await postCount()).toBe(0);

  await phone.shareWith(1).click();
  await expect(phone.row(GLOBEX_AP)).toContainText("succeeded");
  await expect(page.getByText("Shared cph-android12-base with 1 project")).toBeVisible();
  await phone.dialog().getByRole("button", { name: "Done" }).click();

  const member = phone.member(GLOBEX_AP);
  // Another account's project has no name until someone of the account gives it one.
  await expect(member.getByRole("link", { name: "Name it" })).toBeVisible();
  await expect(phone.meter()).toHaveAttribute("aria-valuenow", "1");
  await expect(page.getByText("1 / 10")).toBeVisible();
  expect(await lastAudit("alice")).toMatchObject({ action: "share", outcome: "succeeded" });
  expect(JSON.parse((await lastAudit("alice")).pairs)).toEqual([
    { image: BASE, target: GLOBEX_AP, outcome: "succeeded" },
  ]);
  await page.getByRole("link", { name: "Phone images" }).first().click();
  await expect(page.getByRole("row").filter({ hasText: "cph-android12-base" })).toContainText("1 / 10");
});

test(
  "Check explains every target before anything is sent; the cloud's region refusal is named",
  { tag: "@flow" },
  async ({ page }) => {
    const phone = new PhoneImagePage(page);
    await phone.goto(GAME);
    await phone.check(`${GLOBEX_AP}, not-an-id\n${ACME_AP} ${ACME_CN} ${GLOBEX_CN}`);
    await expect(phone.row(GLOBEX_AP).getByRole("cell").nth(1)).toHaveText(/skip$/);
    await expect(phone.row(GLOBEX_AP)).toContainText("Already a member.");
    await expect(phone.row("not-an-id")).toContainText("blocked");
    await expect(phone.row(ACME_AP)).toContainText("This is the image's own project.");
    await expect(phone.row(ACME_CN)).toContainText("Must be in ap-southeast-1: this is your cn-north-4 project.");
    await expect(phone.row(GLOBEX_CN)).toContainText("add");
    await expect(phone.dialog().getByText("1 to add")).toBeVisible();
    expect(await postCount()).toBe(0);

    await phone.shareWith(1).click();
    await expect(phone.row(GLOBEX_CN)).toContainText(
      "Must be in ap-southeast-1: Huawei Cloud refused a project of another region.",
    );
    await expect(page.getByText("Could not share cph-android11-game with 1 project")).toBeVisible();
    expect(await postCount()).toBe(1);
  },
);

test("the console blocks an 11th member of cph-at-limit before sending", async ({ page }) => {
  const phone = new PhoneImagePage(page);
  await phone.goto(AT_LIMIT);
  await expect(phone.meter()).toHaveAttribute("aria-valuenow", "10");
  await phone.check(GLOBEX_AP);
  await expect(phone.row(GLOBEX_AP)).toContainText("blocked");
  await expect(phone.row(GLOBEX_AP)).toContainText("Member quota used up: 10 / 10");
  await expect(phone.dialog().getByRole("button", { name: "Share", exact: true })).toBeDisabled();
  expect(await postCount()).toBe(0);
});

test("share cph-android12-base up to its limit of 10; the 11th is blocked before sending", async ({ page }) => {
  for (let i = 1; i <= 8; i++) {
    await emulator.post("/cph-members", { image_id: BASE, member_id: `c1c1${String(i).padStart(28, "0")}` });
  }
  const phone = new PhoneImagePage(page);
  await phone.goto(BASE);
  await expect(phone.meter()).toHaveAttribute("aria-valuenow", "8");
  await phone.check(`${GLOBEX_AP} ${INITECH_AP}`);
  await expect(phone.dialog().getByText("2 to add")).toBeVisible();
  await phone.shareWith(2).click();
  await expect(page.getByText("Shared cph-android12-base with 2 projects")).toBeVisible();
  await phone.dialog().getByRole("button", { name: "Done" }).click();
  await expect(phone.meter()).toHaveAttribute("aria-valuenow", "10");
  const before = await postCount();
  await phone.check(GLOBEX_CN);
  await expect(phone.row(GLOBEX_CN)).toContainText("Member quota used up: 10 / 10");
  expect(await postCount()).toBe(before);
});

test("unshare with confirmation removes the member", { tag: "@flow" }, async ({ page }) => {
  const phone = new PhoneImagePage(page);
  await phone.goto(GAME);
  await phone.removeMember(GLOBEX_AP).click();
  await expect(phone.dialog()).toContainText("can no longer use cph-android11-game to create new cloud phones");
  await phone.dialog().getByRole("button", { name: "Cancel" }).click();
  await expect(phone.member(GLOBEX_AP)).toBeVisible();

  await phone.removeMember(GLOBEX_AP).click();
  await phone.dialog().getByRole("button", { name: "Remove 1 member" }).click();
  await expect(page.getByText("Stopped sharing cph-android11-game with 1 project")).toBeVisible();
  await expect(page.getByText("Not shared with any project")).toBeVisible();
  await expect(phone.meter()).toHaveAttribute("aria-valuenow", "0");
  expect(await auditActions("alice")).toContain("unshare");
});

test("removing a selection, then all members, which needs the image's name typed", async ({ page }) => {
  const phone = new PhoneImagePage(page);
  await phone.goto(AT_LIMIT);
  await page.getByRole("checkbox", { name: /^Select c0c0.*01$/ }).check();
  await page.getByRole("checkbox", { name: /^Select c0c0.*02$/ }).check();
  await page.getByRole("button", { name: "Remove 2 selected" }).click();
  await phone.dialog().getByRole("button", { name: "Remove 2 members" }).click();
  await expect(page.getByText("Stopped sharing cph-at-limit with 2 projects")).toBeVisible();
  await expect(phone.meter()).toHaveAttribute("aria-valuenow", "8");

  await page.getByRole("button", { name: "Remove all members" }).click();
  const confirm = phone.dialog().getByRole("button", { name: "Remove all 8 members" });
  await expect(confirm).toBeDisabled();
  await phone.dialog().getByLabel("Type cph-at-limit to confirm").fill("cph-at-limi");
  await expect(confirm).toBeDisabled();
  await phone.dialog().getByLabel("Type cph-at-limit to confirm").fill("cph-at-limit");
  await confirm.click();
  await expect(page.getByText("Stopped sharing cph-at-limit with 8 projects")).toBeVisible();
  await expect(page.getByText("Not shared with any project")).toBeVisible();
  expect(JSON.parse((await lastAudit("alice")).pairs)).toHaveLength(8);
});

test("a 503 on the share shows the reason and the audit records the failure", async ({ page }) => {
  const phone = new PhoneImagePage(page);
  await phone.goto(BASE);
  await emulator.fault({ method: "POST", path: "/v1/*/cloud-phone/images/*/members", status: 503, times: 1 });
  await phone.check(GLOBEX_AP);
  await phone.shareWith(1).click();
  await expect(phone.row(GLOBEX_AP)).toContainText("failed");
  await expect(phone.row(GLOBEX_AP)).toContainText(
    "Huawei Cloud is not answering right now. Try again in a minute.(CPS.0003)",
  );
  await expect(page.getByText("Could not share cph-android12-base with 1 project")).toBeVisible();
  expect(await auditActions("alice")).toContain("share");
  const audit = await lastAudit("alice");
  expect(audit).toMatchObject({ action: "share", outcome: "failed" });
  expect(JSON.parse(audit.pairs)).toEqual([{ image: BASE, target: GLOBEX_AP, outcome: "failed", code: "CPS.0003" }]);
  await phone.dialog().getByRole("button", { name: "Done" }).click();
  await expect(phone.meter()).toHaveAttribute("aria-valuenow", "0");
});

test("when the share cannot even start, the error says why and the dialog keeps the pasted ids", async ({ page }) => {
  const phone = new PhoneImagePage(page);
  await phone.goto(BASE);
  await phone.check(`${GLOBEX_AP}\n${INITECH_AP}`);
  await expect(phone.dialog().getByText("2 to add")).toBeVisible();
  await emulator.fault({ method: "GET", path: "/v1/*/cloud-phone/images/*/members", status: 503, times: 3 });
  await phone.shareWith(2).click();
  await expect(
    phone.dialog().getByText("Huawei Cloud is not answering right now. Try again in a minute.(CPS.0003)"),
  ).toBeVisible();
  await expect(phone.dialog().getByLabel("Project ids")).toHaveValue(`${GLOBEX_AP}\n${INITECH_AP}`);
  expect(await lastAudit("alice")).toMatchObject({ action: "share", outcome: "failed" });
  expect(await postCount()).toBe(0);
  await phone.shareWith(2).click();
  await expect(page.getByText("Shared cph-android12-base with 2 projects")).toBeVisible();
});

test("a 503 on an unshare keeps the member, says why, and is audited as failed", async ({ page }) => {
  const phone = new PhoneImagePage(page);
  await phone.goto(GAME);
  await emulator.fault({ method: "DELETE", path: "/v1/*/cloud-phone/images/*/members/*", status: 503, times: 1 });
  await phone.removeMember(GLOBEX_AP).click();
  await phone.dialog().getByRole("button", { name: "Remove 1 member" }).click();
  await expect(phone.row(GLOBEX_AP)).toContainText("failed");
  await expect(page.getByText("Could not stop sharing cph-android11-game with 1 project")).toBeVisible();
  expect(await lastAudit("alice")).toMatchObject({ action: "unshare", outcome: "failed" });
  await phone.dialog().getByRole("button", { name: "Done" }).click();
  await expect(phone.meter()).toHaveAttribute("aria-valuenow", "1");
});

test("audrey, read-only, sees the members but no share or unshare controls", async ({ pageAs }) => {
  const page = await pageAs("audrey");
  const phone = new PhoneImagePage(page);
  await phone.goto(GAME);
  await expect(phone.member(GLOBEX_AP)).toBeVisible();
  await expect(page.getByRole("button", { name: "Share", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
});

test("phone images chosen under one search stay chosen under another, and Plan a batch takes them all", async ({
  page,
}) => {
  const phones = new PhonesPage(page);
  await phones.goto();
  await phones.select("cph-android11-game").check();
  await expect(phones.selectedCount()).toHaveText("1 selected");
  await phones.search("at-limit");
  await expect(phones.row("cph-android11-game")).toHaveCount(0);
  await phones.select("cph-at-limit").check();
  await expect(phones.selectedCount()).toHaveText("2 selected");
  await phones.planBatch().click();
  await expect(page).toHaveURL(new RegExp(`/batches/new\\?images=${GAME},${AT_LIMIT}$`));
  await page.goBack();
  await expect(phones.selectedCount()).toHaveText("2 selected");
  await page.getByRole("button", { name: "Clear selection" }).click();
  await expect(phones.planBatch()).toHaveAttribute("href", "/batches/new");
});

test("a phone image opened from a search goes back to the search", async ({ page }) => {
  const phones = new PhonesPage(page);
  await phones.goto();
  await phones.search("cph-a");
  await expect(page).toHaveURL(/\/phones\?q=cph-a$/);
  await page.getByRole("link", { name: "cph-at-limit" }).click();
  await expect(page).toHaveURL(new RegExp(`/phones/${AT_LIMIT}\\?back=`));
  await new PhoneImagePage(page).backToList().click();
  await expect(page).toHaveURL(/\/phones\?q=cph-a$/);
  await expect(phones.searchBox()).toHaveValue("cph-a");
  await phones.search("game");
  await expect(page).toHaveURL(/\/phones\?q=game$/);
  await expect(phones.row("cph-at-limit")).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/phones\?q=cph-a$/);
  await expect(phones.row("cph-at-limit")).toBeVisible();
  await expect(phones.searchBox()).toHaveValue("cph-a");
});
