import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { DEMO, DEMO_IMAGES, DEMO_PASSWORDS } from "../emulator/seed/demo";
import { emulator, expect, query, test } from "./fixtures";
import { HistoryPage } from "./pages/history";
import { ImagePage } from "./pages/images";

const run = promisify(execFile);
const UBUNTU = DEMO_IMAGES.ubuntu;
const { globexAp: GLOBEX, initechAp: INITECH } = DEMO;

/** Debian's openstack CLI as alice, straight against the emulator: a share the console did not make. */
async function openstackAsAlice(args: string[]) {
  const { stdout } = await run("openstack", args, {
    timeout: 60_000,
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      OS_AUTH_URL: `${emulator.url}/v3`,
      OS_IDENTITY_API_VERSION: "3",
      OS_IMAGE_API_VERSION: "2",
      OS_USERNAME: "alice",
      OS_PASSWORD: DEMO_PASSWORDS.alice,
      OS_USER_DOMAIN_NAME: "acme",
      OS_PROJECT_NAME: "ap-southeast-1",
      OS_PROJECT_DOMAIN_NAME: "acme",
      OS_REGION_NAME: "ap-southeast-1",
      OS_INTERFACE: "public",
    },
  });
  return stdout;
}

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
