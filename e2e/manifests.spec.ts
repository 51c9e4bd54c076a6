import { parse, stringify } from "yaml";
import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { emulator, expect, query, test } from "./fixtures";
import { HistoryPage } from "./pages/history";
import { openstackAsAlice } from "./openstack";

/**
 * Issue 18: sharing as code in the console. Export acme's sharing, edit the file (two pairs added, one
 * removed), and the plan shows exactly those three; apply runs them as batches and a second plan has
 * nothing to do; watched, the manifest shows as drift a share made with the openstack CLI once CTS
 * has been imported, naming who made it.
 */
const { ubuntu: UBUNTU, debian: DEBIAN } = DEMO_IMAGES;
const { globexAp: GLOBEX, initechAp: INITECH } = DEMO;

interface Doc {
  images: { id?: string; targets: { project?: string }[] }[];
}

test.use({ user: "alice" });

test.beforeEach(async () => {
  await emulator.reset();
});

const members = async (imageId: string) =>
  (
    (await emulator.cloud(await emulator.issueToken("alice"), "GET", `/v2/images/${imageId}/members`)) as {
      members: { member_id: string }[];
    }
  ).members
    .map((m) => m.member_id)
    .sort();

test("export, edit, plan exactly the edits, apply them as batches, plan again with nothing to do, and see drift made outside the console", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/manifests");
  const editor = page.getByLabel("Manifest (YAML or JSON)");
  await page.getByRole("button", { name: "Export current sharing" }).click();
  await expect(editor).toHaveValue(/# debian-12-base/);
  const exported = await editor.inputValue();

  // The export plans back to nothing to do.
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByTestId("plan-summary")).toContainText("0 to add, 0 to remove, 0 blocked");
  await expect(page.getByText("The cloud matches the manifest: nothing to do.")).toBeVisible();

  // Two pairs added (ubuntu with globex and initech), one removed (debian's initech member).
  const doc = parse(exported) as Doc;
  const debian = doc.images.find((i) => i.id === DEBIAN)!;
  debian.targets = debian.targets.filter((t) => t.project !== INITECH);
  doc.images.push({ id: UBUNTU, targets: [{ project: GLOBEX }, { project: INITECH }] });
  const edited = stringify(doc);
  await editor.fill(edited);
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByTestId("plan-summary")).toContainText("Plan: 2 to add, 1 to remove, 0 blocked");
  const diff = page.getByRole("table", { name: "Changes the plan would make" });
  await expect(diff.locator("tbody tr")).toHaveCount(3);
  await expect(diff.locator('tr[data-action="add"]')).toHaveCount(2);
  await expect(diff.locator('tr[data-action="add"]').first()).toContainText("ubuntu-22.04-web");
  await expect(diff.locator('tr[data-action="remove"]')).toContainText("debian-12-base");
  await expect(diff.locator('tr[data-action="remove"]')).toContainText("Pending");
  // Nothing was sent by planning.
  expect(await members(UBUNTU)).toEqual([]);

  const mark = (await query<{ n: number }>("select count(*) as n from batches"))[0].n;
  await page.getByRole("button", { name: "Apply 3 changes" }).click();
  await expect(page.getByText(/Applied: 2 batches launched, no approval requested/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Share: 2 pairs" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Unshare: 1 pair" })).toBeVisible();
  await expect
    .poll(async () =>
      (await query<{ status: string }>("select status from batches order by created_at"))
        .slice(mark)
        .map((b) => b.status),
    )
    .toEqual(["finished", "finished"]);
  expect(await members(UBUNTU)).toEqual([INITECH, GLOBEX].sort());
  expect(await members(DEBIAN)).toEqual([GLOBEX]);
  const applied = await query<{ source: string; user_name: string }>(
    "select source, user_name from audit_events where action = 'manifest_applied'",
  );
  expect(applied.at(-1)).toEqual({ source: "console", user_name: "alice" });

  // A second plan of the same file: nothing to do.
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByTestId("plan-summary")).toContainText("Plan: 0 to add, 0 to remove, 0 blocked");

  // Watched, it is in sync; a share made with the openstack CLI shows as drift once CTS is imported.
  await page.getByLabel("Name to watch it under").fill("golden");
  await page.getByRole("button", { name: "Watch this manifest" }).click();
  await expect(page.getByText(/Watching golden/)).toBeVisible();
  const watched = page.getByTestId("watch-golden");
  await expect(watched).toContainText("In sync");

  expect(JSON.parse(await openstackAsAlice(["image", "add", "project", DEBIAN, INITECH, "-f", "json"]))).toMatchObject({
    status: "pending",
  });
  const history = new HistoryPage(page);
  await history.goto();
  const panel = page.getByTestId("cts-import-panel");
  await panel.getByRole("button", { name: "Import now" }).click();
  await expect(panel.getByTestId("cts-import-result")).toContainText("Imported");

  await page.goto("/manifests");
  await expect(async () => {
    await page.reload();
    await expect(watched).toContainText("1 pair drifted", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const drift = watched.getByRole("list", { name: "What drifted from golden" });
  await expect(drift).toContainText("Not in the file");
  await expect(drift).toContainText("debian-12-base");
  await expect(drift).toContainText("last changed by alice (CTS)");
});

test("a manifest that does not parse is refused with its line and column, and nothing is planned", async ({ page }) => {
  await page.goto("/manifests");
  await page
    .getByLabel("Manifest (YAML or JSON)")
    .fill(`version: 1\nimages:\n  - id: ${UBUNTU}\n    target:\n      - project: ${GLOBEX}\n`);
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByText(/Line 4, column 5/)).toBeVisible();
  await expect(page.getByTestId("plan-summary")).toHaveCount(0);
});
