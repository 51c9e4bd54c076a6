import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { emulator, expect, test } from "./fixtures";
import { HistoryPage } from "./pages/history";
import { ImagePage } from "./pages/images";
import { NamesPage } from "./pages/names";

const INITECH = DEMO.initechAp;
const GLOBEX = DEMO.globexAp;
const NAME = "Initech ML team";

test.use({ user: "alice" });
test.beforeEach(async ({ page }) => {
  await emulator.reset();
  await new NamesPage(page).clear();
});
test.afterEach(async ({ page }) => {
  await new NamesPage(page).clear();
});

test("a name given in the address book shows in the members table, the share plan and History, and History finds events by it", async ({
  page,
  pageAs,
}) => {
  const names = new NamesPage(page);
  await names.goto();
  await names.add(INITECH, "Initech", "ML platform");
  await names.rename(INITECH, NAME);

  // debian-12-base has initech's project as a pending member from the start.
  const image = new ImagePage(page);
  await image.goto(DEMO_IMAGES.debian);
  await expect(image.member(INITECH)).toContainText(`${NAME}${INITECH}`);

  // The share plan names the target; so does the History row of the share.
  await image.goto(DEMO_IMAGES.ubuntu);
  await image.checkTargets(INITECH);
  await expect(image.dialog().getByRole("row", { name: new RegExp(INITECH) })).toContainText(`${NAME}${INITECH}`);
  await image.confirmShare(1);
  await expect(image.dialog().getByText("shared, pending acceptance")).toBeVisible();
  await image.dialog().getByRole("button", { name: "Done" }).click();

  const history = new HistoryPage(page);
  await history.goto();
  await expect(history.rows().nth(1)).toContainText("Share");
  await expect(history.rows().nth(1)).toContainText(NAME);
  const [shareId] = await history.eventIds();

  // The member filter takes the name (any case) and says which id it stood for.
  await page.getByLabel("Member").fill("initech ml TEAM");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/member=initech\+ml\+TEAM/);
  await expect(page.getByText("Member “initech ml TEAM” stands for:")).toBeVisible();
  expect(await history.eventIds()).toContain(shareId);
  // The image filter takes the image's name, and part of its id.
  await history.goto(`?image=ubuntu-22.04-web`);
  expect((await history.eventIds())[0]).toBe(shareId);
  await history.goto(`?image=${DEMO_IMAGES.ubuntu.slice(0, 30)}`);
  expect(await history.eventIds()).toContain(shareId);
  await history.goto(`?member=${encodeURIComponent("Nobody of that name")}`);
  await expect(page.getByText("No events match this filter.")).toBeVisible();

  // The history CSV carries the name beside the id.
  await history.goto(`?member=${INITECH}`);
  const csv = await (await page.request.get(await history.exportHref("Export CSV"))).text();
  expect(csv.split("\r\n")[1]).toContain(",targets,target_names,");
  expect(csv).toContain(`,${INITECH},${NAME},`);

  // Everyone of acme sees the name; the read-only user cannot change it; another account sees none.
  const audrey = await pageAs("audrey");
  await audrey.goto("/names");
  await expect(new NamesPage(audrey).row(INITECH)).toContainText(NAME);
  await expect(audrey.getByRole("form", { name: "Name an id" })).toHaveCount(0);
  await expect(audrey.getByRole("button", { name: `Rename ${INITECH}` })).toHaveCount(0);
  const bob = await pageAs("bob");
  await bob.goto("/names");
  await expect(bob.getByText("No names yet")).toBeVisible();
});

test("a CSV import with one bad row imports nothing and names the row; a good one imports every row and exports them back", async ({
  page,
}) => {
  const names = new NamesPage(page);
  await names.goto();
  const bad = `id,name,note\n${GLOBEX},Globex Singapore,billing\nnot-an-id,Nobody\n${INITECH},Initech\n`;
  const result = await names.importCsv(bad);
  await expect(result).toContainText("1 problem in the file: nothing was imported.");
  await expect(result).toContainText("Line 3: not-an-id: Not a project or account id");
  await expect(page.getByText("No names yet")).toBeVisible();
  await page.reload();
  await expect(names.table()).toHaveCount(0);

  await names.importCsv(`id,name,note\n${GLOBEX},"Globex, Singapore",billing\n${INITECH},Initech\n`);
  await expect(result).toContainText("Imported 2 names.");
  await expect(names.row(GLOBEX)).toContainText("Globex, Singapore");
  await expect(names.row(INITECH)).toContainText("Initech");

  const exported = await (await page.request.get("/api/names/export")).text();
  expect(exported.split("\r\n")).toEqual([
    "id,name,note",
    `${GLOBEX},"Globex, Singapore",billing`,
    `${INITECH},Initech,`,
    "",
  ]);
});

test("the copy button beside an id copies the whole id and says so", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const image = new ImagePage(page);
  await image.goto(DEMO_IMAGES.debian);
  const row = image.member(INITECH);
  await row.getByRole("button", { name: `Copy ${INITECH}` }).click();
  await expect(row.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(INITECH);
  // The id is on one line, never broken in the middle.
  const id = row.getByTitle(INITECH, { exact: true });
  await expect(id).toHaveCSS("white-space", "nowrap");
});
