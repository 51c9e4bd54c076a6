import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { emulator, expect, query, test } from "./fixtures";
import { HistoryPage } from "./pages/history";
import { ImagePage } from "./pages/images";
import { openstackAsAlice } from "./openstack";

const UBUNTU = DEMO_IMAGES.ubuntu;
const { globexAp: GLOBEX, initechAp: INITECH } = DEMO;

interface Row {
  action: string;
  source: string;
  images: string;
  targets: string;
  user_name: string;
  external_id: string | null;
}
/** Shares of ubuntu with `target` in the history by `source` (other specs share through the console too). */
const sharesWith = (target: string, source: "cts" | "console") =>
  query<Row>(
    "select action, source, images, targets, user_name, external_id from audit_events where action = 'share' and source = ? and images like ? and targets like ? order by seq",
    source,
    `%${UBUNTU}%`,
    `%${target}%`,
  );

test.use({ user: "alice" });

test(
  "a share made with the openstack CLI comes in from CTS once; the console's own share does not",
  { tag: "@flow" },
  async ({ page }) => {
    await emulator.reset();

    // Through the console: one batch call whose request id the console keeps.
    await new ImagePage(page).shareOnePair(UBUNTU, GLOBEX);

    // Outside the console.
    expect(
      JSON.parse(await openstackAsAlice(["image", "add", "project", UBUNTU, INITECH, "-f", "json"])),
    ).toMatchObject({ status: "pending" });

    await new HistoryPage(page).goto();
    const panel = page.getByTestId("cts-import-panel");
    await expect(panel.getByText("CTS keeps traces for 7 days only")).toBeVisible();
    await panel.getByRole("button", { name: "Import now" }).click();
    await expect(panel.getByTestId("cts-import-result")).toHaveText(
      "Imported 1 new event from CTS; 1 already in the history.",
    );

    const consoleShares = (await sharesWith(GLOBEX, "console")).length;
    const outside = await sharesWith(INITECH, "cts");
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({
      source: "cts",
      user_name: "alice",
      images: JSON.stringify([UBUNTU]),
      targets: JSON.stringify([INITECH]),
    });
    expect(outside[0].external_id).toBeTruthy();
    expect(await sharesWith(GLOBEX, "cts")).toEqual([]);
    expect(consoleShares).toBeGreaterThan(0);

    // A second import finds both again and adds nothing.
    await panel.getByRole("button", { name: "Import now" }).click();
    await expect(panel.getByTestId("cts-import-result")).toHaveText(
      "Imported 0 new events from CTS; 2 already in the history.",
    );
    await page.reload();
    await expect(page.getByTestId("cts-last-import")).toContainText(
      "on demand as alice: 0 new events, 2 already known.",
    );
    expect(await sharesWith(INITECH, "cts")).toHaveLength(1);
    expect(await sharesWith(GLOBEX, "cts")).toEqual([]);
  },
);
