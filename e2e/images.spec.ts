import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { auditActions, expect, emulator, auditMark, lastAudit, query, test } from "./fixtures";
import { ImagePage, ImagesPage } from "./pages/images";

const { ubuntu: UBUNTU, debian: DEBIAN, almostFull: ALMOST_FULL } = DEMO_IMAGES;
const { globexAp: GLOBEX, initechAp: INITECH, acmeCn: ACME_CN, globexCn: GLOBEX_CN, globex: GLOBEX_ACCOUNT } = DEMO;
const UNKNOWN_PROJECT = "0123456789abcdef0123456789abcdef";

test.use({ user: "alice" });
test.beforeEach(async () => {
  await emulator.reset();
});

test("share ubuntu-22.04-web with globex and see it pending", { tag: "@flow" }, async ({ page }) => {
  const image = new ImagePage(page);
  await image.goto(UBUNTU);
  await image.checkTargets(GLOBEX);
  const dialog = image.dialog();
  await expect(dialog.getByText("1 to add")).toBeVisible();
  await image.confirmShare(1);
  await expect(dialog.getByText("shared, pending acceptance")).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(image.member(GLOBEX).getByText("pending", { exact: true })).toBeVisible();
  await expect(image.meter()).toHaveAttribute("aria-valuenow", "1");
  expect(await auditActions("alice")).toContain("share");
});

test("after Check targets the focus stays in the share dialog, on the plan's summary", async ({ page }) => {
  const image = new ImagePage(page);
  await image.goto(UBUNTU);
  await image.checkTargets(GLOBEX);
  const dialog = image.dialog();
  await expect(dialog.getByText("1 to add")).toBeVisible();
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await expect(page.locator(":focus")).toContainText("1 to add");
});

test("removing every member of debian-12-base says that 1 of them has accepted", async ({ page }) => {
  const image = new ImagePage(page);
  await image.goto(DEBIAN);
  await page.getByRole("button", { name: "Remove all members" }).click();
  await expect(image.dialog()).toContainText("1 of them has accepted the share");
});

test(
  "a single share says before sending what the console knows, and in words what only the cloud could refuse",
  { tag: "@flow" },
  async ({ page }) => {
    const image = new ImagePage(page);
    await image.goto(UBUNTU);
    await emulator.resetStats();
    await image.checkTargets(`${ACME_CN} ${GLOBEX_CN} ${UNKNOWN_PROJECT} ${GLOBEX_ACCOUNT}`);
    const dialog = image.dialog();
    await expect(dialog.getByRole("row", { name: new RegExp(ACME_CN) })).toContainText(
      "Must be in ap-southeast-1: this is your cn-north-4 project.",
    );
    await expect(dialog.getByText("3 to add")).toBeVisible();
    expect((await emulator.stats())["POST /v1/cloudimages/members"]).toBeUndefined();

    await image.confirmShare(3);
    await expect(dialog.getByText("Shared with 0 targets · 3 failed · 1 blocked, not sent.")).toBeVisible();
    for (const target of [GLOBEX_CN, UNKNOWN_PROJECT, GLOBEX_ACCOUNT]) {
      const row = dialog.getByRole("row", { name: new RegExp(target) });
      await expect(row).toContainText("Huawei Cloud found no such project or account in this region.");
      await expect(row).toContainText("IMG.0108");
    }
  },
);

test("an organization URN among the targets keeps the plan within its dialog, decision and reason in view", async ({
  page,
}) => {
  const image = new ImagePage(page);
  await image.goto(UBUNTU);
  const urn = `organizations::${DEMO.acme}:ou:${DEMO.org}/${DEMO.orgUnit}`;
  await image.checkTargets(`${GLOBEX}\n${urn}`);
  const dialog = image.dialog();
  const row = dialog.getByRole("row", { name: new RegExp(DEMO.orgUnit) });
  await expect(row).toContainText("add");
  const box = await dialog.boundingBox();
  const table = await dialog.getByRole("table").boundingBox();
  expect(box && table && table.x + table.width <= box.x + box.width + 0.5).toBe(true);
  for (const cell of await row.getByRole("cell").all()) {
    const b = await cell.boundingBox();
    expect(box && b && b.x + b.width <= box.x + box.width + 0.5).toBe(true);
  }
});

test(
  "the quota meter of almost-full blocks the 257th member before anything is sent",
  { tag: "@flow" },
  async ({ page }) => {
    const image = new ImagePage(page);
    await image.goto(ALMOST_FULL);
    await expect(page.getByText("255 / 256")).toBeVisible();
    await emulator.resetStats();
    await image.checkTargets(`${GLOBEX} ${INITECH}`);
    const dialog = image.dialog();
    await expect(dialog.getByText("1 to add")).toBeVisible();
    await expect(dialog.getByRole("row", { name: new RegExp(INITECH) })).toContainText(
      "Member quota used up: 256 / 256",
    );
    expect((await emulator.stats())["POST /v1/cloudimages/members"]).toBeUndefined();
    await image.confirmShare(1);
    await expect(dialog.getByText("shared, pending acceptance")).toHaveCount(1);
    expect((await emulator.stats())["POST /v1/cloudimages/members"]).toBe(1);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByText("256 / 256")).toBeVisible();
    await expect(image.shareButton()).toBeDisabled();
  },
);

test("the images page shows the project's private images against its image quota, as IMS reports it", async ({
  page,
}) => {
  const token = await emulator.issueToken("alice");
  const answer = (await emulator.cloud(token, "GET", "/v1/cloudimages/quota")) as {
    quotas: { resources: { type: string; used: number }[] };
  };
  const used = answer.quotas.resources.find((r) => r.type === "image")?.used;
  expect(used).toBeGreaterThan(0);
  await emulator.put("/config", { imageQuota: 60 });
  try {
    const images = new ImagesPage(page);
    await images.goto();
    await expect(images.imageQuota()).toHaveAttribute("aria-valuetext", `${used} of 60 images`);
    await expect(page.getByText("Private images of this project")).toBeVisible();
  } finally {
    await emulator.put("/config", { imageQuota: 100 });
  }
});

test("the badge of centos-7-encrypted explains why it cannot be shared", { tag: "@flow" }, async ({ page }) => {
  const images = new ImagesPage(page);
  await images.goto("?q=centos");
  const row = images.row("centos-7-encrypted");
  await expect(row.getByTitle(/^Encrypted with a KMS key/)).toHaveText(/^Encrypted/);
  await expect(row).toContainText("IMS refuses to share encrypted images");
  await expect(row.getByRole("checkbox")).toBeDisabled();
  await row.getByRole("link", { name: "centos-7-encrypted" }).click();
  await expect(page.getByText(/Encrypted with a KMS key.*\(IMG\.0098\)/)).toBeVisible();
  await expect(new ImagePage(page).shareButton()).toHaveCount(0);
});

test(
  "full-ECS images are told apart under either reading: CBR-made ones take 10 members, the legacy one cannot be shared",
  { tag: "@flow" },
  async ({ page }) => {
    // D4: under reading B no image carries __whole_image; the console reads __backup_id and the list filter.
    const images = new ImagesPage(page);
    await images.goto("?q=full-ecs");
    const fromCbr = images.row("full-ecs-from-cbr");
    await expect(fromCbr).toContainText("Full-ECS");
    await expect(fromCbr).toContainText("0 / 10");
    await expect(fromCbr.getByRole("checkbox")).toBeEnabled();
    const legacy = images.row("full-ecs-legacy");
    await expect(legacy).toContainText("Not from CBR");
    await expect(legacy.getByRole("checkbox")).toBeDisabled();
    await fromCbr.getByRole("link", { name: "full-ecs-from-cbr" }).click();
    await expect(page).toHaveURL(new RegExp(`/images/${DEMO_IMAGES.fullEcsFromCbr}(\\?|$)`));
    await expect(new ImagePage(page).meter()).toHaveAttribute("aria-valuemax", "10");
  },
);

test("unshare asks for confirmation and says what an accepted recipient loses", { tag: "@flow" }, async ({ page }) => {
  const since = Date.now();
  const image = new ImagePage(page);
  await image.goto(DEBIAN);
  await image.removeMember(GLOBEX).click();
  const dialog = image.dialog();
  await expect(dialog).toContainText("can no longer create servers or disks from this image");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(image.member(GLOBEX)).toBeVisible();

  await image.removeMember(GLOBEX).click();
  await dialog.getByRole("button", { name: "Remove 1 member" }).click();
  await expect(page.getByText(/Removed 1 member of debian-12-base/)).toBeVisible();
  // The dialog hides the page from the accessibility tree while it is open: read the table once it closed.
  await expect(dialog).toBeHidden();
  await expect(image.member(GLOBEX)).toHaveCount(0);
  await expect(image.member(INITECH)).toBeVisible();

  await page.getByRole("button", { name: "Remove all members" }).click();
  // One member is left: initech, still pending.
  const confirm = dialog.getByRole("button", { name: "Remove the only member" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type debian-12-base to confirm/).fill("debian-12");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type debian-12-base to confirm/).fill("debian-12-base");
  await confirm.click();
  await expect(image.notShared()).toBeVisible();
  // Both removals are in the audit trail, and nothing else this test did.
  const events = await query<{ action: string; outcome: string; images: string }>(
    "select action, outcome, images from audit_events where user_name = 'alice' and occurred_at >= ? order by seq",
    since,
  );
  expect(events.filter((e) => e.action === "unshare")).toEqual([
    { action: "unshare", outcome: "succeeded", images: JSON.stringify([DEBIAN]) },
    { action: "unshare", outcome: "succeeded", images: JSON.stringify([DEBIAN]) },
  ]);
});

test("an injected 503 during a share shows the error and leaves nothing half-done or unrecorded", async ({ page }) => {
  await emulator.fault({ method: "POST", path: "/v1/cloudimages/members", status: 503, times: 1 });
  const image = new ImagePage(page);
  await image.goto(UBUNTU);
  await image.checkTargets(GLOBEX);
  const dialog = image.dialog();
  await image.confirmShare(1);
  await expect(dialog.getByText("Huawei Cloud is not answering right now. Try again in a minute.")).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await page.reload();
  await expect(image.notShared()).toBeVisible();
  expect(await auditActions("alice")).toContain("share");
});

test("a share whose answer is lost says it may have been applied, sends nothing again, and History gets the real outcome", async ({
  page,
}) => {
  // The emulator applies the batch call, then answers 504 as a gateway that gave up would.
  await emulator.fault({ method: "POST", path: "/v1/cloudimages/members", status: 504, after: true, times: 1 });
  await emulator.resetStats();
  const mark = await auditMark("alice");
  const image = new ImagePage(page);
  await image.goto(UBUNTU);
  await image.checkTargets(GLOBEX);
  await image.confirmShare(1);
  await expect(
    image.dialog().getByText(/may or may not have been applied.*check there before trying again/),
  ).toBeVisible();
  expect((await emulator.stats())["POST /v1/cloudimages/members"]).toBe(1);
  // The reconciler reads the members and records what really happened: the share went through.
  await expect.poll(async () => (await lastAudit("alice", mark))?.action, { timeout: 20_000 }).toBe("share");
  const event = await lastAudit("alice", mark);
  expect(event.outcome).toBe("succeeded");
  expect(JSON.parse(event.input)).toMatchObject({ interrupted: true });
  expect(JSON.parse(event.pairs)).toEqual([{ image: UBUNTU, target: GLOBEX, outcome: "succeeded" }]);
  expect((await emulator.stats())["POST /v1/cloudimages/members"]).toBe(1);
});

test("a read-only user sees the images without the buttons that would fail", async ({ pageAs }) => {
  const page = await pageAs("audrey");
  await new ImagesPage(page).goto();
  await expect(page).toHaveURL(/\/images$/);
  await expect(page.getByText("Read-only")).toBeVisible();
  await expect(page.getByRole("button", { name: /Share/ })).toHaveCount(0);
  const image = new ImagePage(page);
  await image.goto(DEBIAN);
  await expect(image.member(GLOBEX)).toBeVisible();
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
});

test("select several images on the list and share them together", { tag: "@flow" }, async ({ page }) => {
  const images = new ImagesPage(page);
  await images.goto("?q=app-0&sort=name&dir=asc");
  await images.select("app-01").check();
  await images.select("app-02").check();
  const dialog = await images.shareSelected(2);
  await dialog.getByLabel("Targets").fill(GLOBEX);
  await dialog.getByRole("button", { name: "Check targets" }).click();
  await expect(dialog.getByText("2 to add")).toBeVisible();
  await dialog.getByRole("button", { name: "Share 2 pairs" }).click();
  await expect(dialog.getByText("shared, pending acceptance")).toHaveCount(2);
  await dialog.getByRole("button", { name: "Done" }).click();
  for (const name of ["app-01", "app-02"]) {
    await expect(images.row(name)).toContainText("1 / 256");
  }
  await expect(images.row("app-03")).toContainText("0 / 256");
});

test("Back and Forward bring the filter form along with the list, and Apply keeps the filter shown", async ({
  page,
}) => {
  const images = new ImagesPage(page);
  await images.goto();
  await images.filter("app-0", "yes");
  await expect(page).toHaveURL(/[?&]q=app-0&(.*&)?shareable=yes/);
  await images.filter("debian", "");
  await expect(page).toHaveURL(/[?&]q=debian&(.*&)?shareable=&/);
  await page.goBack();
  await expect(images.row("app-01")).toBeVisible();
  await expect(images.searchBox()).toHaveValue("app-0");
  await expect(images.shareableFilter()).toHaveValue("yes");
  await page.goForward();
  await expect(images.searchBox()).toHaveValue("debian");
  await expect(images.shareableFilter()).toHaveValue("");
  await page.goBack();
  await expect(images.searchBox()).toHaveValue("app-0");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]q=app-0&(.*&)?shareable=yes/);
  await expect(images.row("app-01")).toBeVisible();
  await expect(images.row("debian-12-base")).toHaveCount(0);
});

test("an image opened from a filtered, sorted second page goes back to that page; a foreign back link does not", async ({
  page,
}) => {
  const images = new ImagesPage(page);
  await images.goto("?q=app&sort=name&dir=asc");
  await images.pagerLink("Next page").click();
  await expect(images.pager()).toContainText("Page 2");
  const listUrl = page.url();
  await images.link("app-30").click();
  const image = new ImagePage(page);
  await expect(image.heading("app-30")).toBeVisible();
  await image.backToList().click();
  await expect(page).toHaveURL(listUrl);
  await expect(images.searchBox()).toHaveValue("app");
  await expect(images.pager()).toContainText("Page 2");
  await expect(images.row("app-30")).toBeVisible();

  for (const back of ["//evil.example/images?q=a", "https://evil.example/images", "/history?q=a"]) {
    await page.goto(`/images/${UBUNTU}?back=${encodeURIComponent(back)}`);
    await expect(image.backToList()).toHaveAttribute("href", "/images");
  }
});

test("the selection holds across pages: the count, the share dialog and Previous agree, also after a reload", async ({
  page,
}) => {
  const images = new ImagesPage(page);
  await images.goto("?q=app&sort=name&dir=asc");
  await expect(images.pager()).toContainText("Page 1");
  await expect(images.pagerLink("Previous page")).toHaveCount(0);
  await images.select("app-01").check();
  await images.select("app-02").check();
  await expect(images.selectedCount()).toHaveText("2 selected");
  const firstPage = page.url();
  await images.pagerLink("Next page").click();
  await expect(images.pager()).toContainText("Page 2");
  await images.select("app-30").check();
  await expect(images.selectedCount()).toHaveText("3 selected");
  await page.reload();
  await expect(images.select("app-30")).toBeChecked();
  await expect(images.selectedCount()).toHaveText("3 selected");
  await images.pagerLink("Previous page").click();
  await expect(page).toHaveURL(firstPage);
  await expect(images.pager()).toContainText("Page 1");
  await expect(images.select("app-01")).toBeChecked();

  const dialog = await images.shareSelected(3);
  await dialog.getByLabel("Targets").fill(GLOBEX);
  await dialog.getByRole("button", { name: "Check targets" }).click();
  await expect(dialog.getByText("3 to add")).toBeVisible();
  await page.keyboard.press("Escape");
  await images.clearSelection().click();
  await expect(images.selectedCount()).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Share selected" })).toBeDisabled();
});

test("sorting by name starts A to Z; created keeps newest first", async ({ page }) => {
  const images = new ImagesPage(page);
  await images.goto();
  await images.sortLink("Name").click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");
  await expect(images.firstRow()).toContainText("almost-full");
  await images.sortLink("Name").click();
  await expect(images.firstRow()).toContainText("win2019-base");
  await images.sortLink("Created").click();
  await expect(page.getByRole("columnheader", { name: "Created" })).toHaveAttribute("aria-sort", "descending");
});
