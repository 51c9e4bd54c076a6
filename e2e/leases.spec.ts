import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { freshSqlite, startConsole, type ConsoleProcess } from "./consoles";
import { emulator, expect, query, queryFile, test } from "./fixtures";
import { ImagePage } from "./pages/images";
import { endIn } from "./pages/leases";

/**
 * Issue 17: shares that end. A share given an end date is removed by the console's lease scheduler
 * when it comes, through the same path as an unshare, and recorded as done by the lease in the name of
 * whoever set it; a console killed before the end date and started again still removes it, once.
 */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3110);
const consoles: ConsoleProcess[] = [];

test.beforeEach(async () => {
  await emulator.reset();
});
test.afterEach(async () => {
  await Promise.all(consoles.splice(0).map((c) => c.kill()));
});

const members = async (imageId: string) =>
  (
    (await emulator.cloud(await emulator.issueToken("alice"), "GET", `/v2/images/${imageId}/members`)) as {
      members: { member_id: string }[];
    }
  ).members.map((m) => m.member_id);

test.describe("signed in as alice", () => {
  test.use({ user: "alice" });

  test(
    "a share with an end date a few seconds ahead shows when it ends, is removed when it comes, and History says the end date did it for alice",
    { tag: "@flow" },
    async ({ page }) => {
      const image = new ImagePage(page);
      await image.goto(DEMO_IMAGES.ubuntu);
      await image.shareButton().click();
      const dialog = image.dialog();
      await dialog.getByLabel("Targets").fill(DEMO.globexAp);
      const endsAt = await endIn(page, dialog, 8_000);
      await dialog.getByRole("button", { name: "Check targets" }).click();
      // The plan's answer resets the form; the end date chosen stays.
      await expect(dialog.getByLabel("Access ends")).toHaveValue("date");
      await image.confirmShare(1);
      await expect(dialog.getByText(/The members added lose access on/)).toBeVisible();
      await dialog.getByRole("button", { name: "Done" }).click();

      await page.reload();
      const row = image.member(DEMO.globexAp);
      await expect(row).toContainText("set by alice");
      await expect.poll(() => members(DEMO_IMAGES.ubuntu), { timeout: 30_000 }).toEqual([]);
      await page.reload();
      await expect(image.notShared()).toBeVisible();

      // The member is gone before the transaction that closes its lease and writes the event commits.
      const ended = () =>
        query<{ user_name: string; source: string; targets: string; input: string }>(
          "select user_name, source, targets, input from audit_events where action = 'lease_ended' and images like ?",
          `%${DEMO_IMAGES.ubuntu}%`,
        );
      await expect.poll(async () => (await ended()).length).toBe(1);
      const events = await ended();
      expect(events[0]).toMatchObject({ user_name: "alice", source: "lease" });
      expect(JSON.parse(events[0].targets)).toEqual([DEMO.globexAp]);
      expect(JSON.parse(events[0].input).leases).toEqual([
        expect.objectContaining({ member: DEMO.globexAp, setBy: "alice", endsAt: new Date(endsAt).toISOString() }),
      ]);
      await page.goto("/history?source=lease");
      await expect(
        page.getByRole("table", { name: "Events", exact: true }).getByRole("row").filter({ hasText: "Share ended" }),
      ).toHaveCount(1);
    },
  );

  test("an existing member is given an end date, which is moved and then ended now from the member's row", async ({
    page,
  }) => {
    const image = new ImagePage(page);
    await image.shareOnePair(DEMO_IMAGES.ubuntu, DEMO.initechAp);
    await page.reload();
    const row = image.member(DEMO.initechAp);
    await expect(row).toContainText("No end");
    await page.getByRole("button", { name: `End date of ${DEMO.initechAp}` }).click();
    await page.getByRole("dialog").getByLabel("Access ends").selectOption("30");
    await page.getByRole("dialog").getByRole("button", { name: "Save end date" }).click();
    await expect(page.getByText("End date saved for 1 member.")).toBeVisible();
    await expect(row).toContainText("in 4 weeks");

    await page.getByRole("button", { name: `End date of ${DEMO.initechAp}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "End now" }).click();
    await expect.poll(() => members(DEMO_IMAGES.ubuntu), { timeout: 30_000 }).toEqual([]);
    const changes = await query<{ input: string }>(
      "select input from audit_events where action = 'lease_changed' order by seq desc limit 2",
    );
    expect(changes.map((c) => JSON.parse(c.input).op)).toEqual(["now", "set"]);
  });

  test("an end date in the past is refused with a sentence, and nothing is shared", async ({ page }) => {
    const image = new ImagePage(page);
    await image.goto(DEMO_IMAGES.ubuntu);
    await image.shareButton().click();
    const dialog = image.dialog();
    await dialog.getByLabel("Targets").fill(DEMO.globexAp);
    await endIn(page, dialog, -60_000);
    await dialog.getByRole("button", { name: "Check targets" }).click();
    await image.confirmShare(1);
    await expect(dialog.getByText("The end date has already passed. Choose a later date and time.")).toBeVisible();
    expect(await members(DEMO_IMAGES.ubuntu)).toEqual([]);
  });
});

test("a console killed before a share's end date and started again removes the member once, and audits it once", async ({
  page,
  login,
}) => {
  const databaseUrl = freshSqlite("e2e-leases.db");
  const c = await startConsole({ port: BASE_PORT + 16, databaseUrl, instanceId: "leases", emulatorUrl: emulator.url });
  consoles.push(c);
  await login.goto(`${c.url}/login`);
  await login.signIn("alice");
  await expect(page).toHaveURL(`${c.url}/`);
  const image = new ImagePage(page);
  await image.goto(DEMO_IMAGES.debian, c.url);
  await image.shareButton().click();
  const dialog = image.dialog();
  await dialog.getByLabel("Targets").fill(DEMO.umbrellaAp);
  // Far enough ahead that the console is killed before it comes, even on a busy CI machine (at 6 s, one
  // run's clicks took longer and the member was gone before the kill).
  await endIn(page, dialog, 15_000);
  await dialog.getByRole("button", { name: "Check targets" }).click();
  await image.confirmShare(1);
  await expect(dialog.getByText(/The members added lose access on/)).toBeVisible();
  await c.kill("SIGKILL");
  await emulator.resetStats();
  expect(await members(DEMO_IMAGES.debian)).toContain(DEMO.umbrellaAp);

  await c.restart();
  await expect.poll(() => members(DEMO_IMAGES.debian), { timeout: 40_000 }).not.toContain(DEMO.umbrellaAp);
  const ended = () =>
    queryFile<{ targets: string }>(
      "data/e2e-leases.db",
      "select targets from audit_events where action = 'lease_ended'",
    );
  await expect.poll(async () => (await ended()).length).toBe(1);
  expect(JSON.parse((await ended())[0].targets)).toEqual([DEMO.umbrellaAp]);
  // One removal call: the other members of the image were left alone.
  expect((await emulator.stats())["DELETE /v1/cloudimages/members"]).toBe(1);
  expect(await members(DEMO_IMAGES.debian)).toEqual(expect.arrayContaining([DEMO.globexAp, DEMO.initechAp]));
  const leases = await queryFile<{ status: string; end_outcome: string }>(
    "data/e2e-leases.db",
    "select status, end_outcome from share_leases",
  );
  expect(leases).toEqual([{ status: "ended", end_outcome: "removed" }]);
});
