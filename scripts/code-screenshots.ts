// Screenshots of sharing as code and the API tokens, for looking at what we build: the manifest editor
// with a plan's diff, a watched manifest that drifted (with who changed it), and Settings > API tokens
// with a new token's secret and the list; in each language, light and dark, at 1366 and 390 px:
// `tsx scripts/code-screenshots.ts <baseUrl> <outDir>` against a running console (`npm start`) on a
// fresh emulator.
import { execFileSync } from "node:child_process";
import { parse, stringify } from "yaml";
import { createTranslator } from "next-intl";
import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { aliceOpenstackEnv } from "../e2e/openstack-env";
import { MESSAGES } from "../messages/node";
import { launchBrowser, signIn } from "./shots";

const [base = "http://localhost:3000", out = "screenshots"] = process.argv.slice(2);
const emulatorUrl = process.env.EMULATOR_URL ?? "http://127.0.0.1:4000";
const browser = await launchBrowser();
const setup = await browser.newContext({ viewport: { width: 1366, height: 900 } });
await setup.addCookies([{ name: "locale", value: "en", url: base }]);
const alice = await setup.newPage();
await signIn(alice, base);

// A watched manifest, then a share outside it made straight against the emulator and imported from CTS.
await alice.goto(`${base}/manifests`);
await alice.getByRole("button", { name: "Export current sharing" }).click();
await alice.waitForFunction(() => (document.querySelector("#manifest-source") as HTMLTextAreaElement).value.length > 0);
const exported = await alice.getByLabel("Manifest (YAML or JSON)").inputValue();
await alice.getByLabel("Name to watch it under").fill("golden-images");
await alice.getByRole("button", { name: "Watch this manifest" }).click();
await alice.getByTestId("watch-golden-images").getByText("In sync").waitFor();
execFileSync("openstack", ["image", "add", "project", DEMO_IMAGES.debian, DEMO.umbrellaAp], {
  env: aliceOpenstackEnv(emulatorUrl),
});
await alice.goto(`${base}/history`);
await alice.getByTestId("cts-import-panel").getByRole("button", { name: "Import now" }).click();
await alice.getByTestId("cts-import-result").waitFor();
await alice.goto(`${base}/manifests`);
await alice.getByTestId("watch-golden-images").getByRole("button", { name: "Check now" }).click();
await alice
  .getByTestId("watch-golden-images")
  .getByText(/drifted/)
  .waitFor();

// The edited file the editor shows a plan of: two adds and a remove.
const doc = parse(exported) as { images: { id?: string; targets: { project?: string }[] }[] };
const debian = doc.images.find((i) => i.id === DEMO_IMAGES.debian)!;
debian.targets = debian.targets.filter((t) => t.project !== DEMO.initechAp);
doc.images.push({ id: DEMO_IMAGES.ubuntu, targets: [{ project: DEMO.globexAp }, { project: DEMO.initechAp }] });
doc.images = doc.images.filter((i) => i.id !== DEMO_IMAGES.almostFull);
const edited = stringify(doc);

for (const width of [1366, 390]) {
  for (const locale of ["en", "zh-CN"] as const) {
    for (const theme of width === 390 ? (["light"] as const) : (["light", "dark"] as const)) {
      await setup.addCookies([
        { name: "locale", value: locale, url: base },
        { name: "theme", value: theme, url: base },
      ]);
      const t = createTranslator({ locale, messages: MESSAGES[locale] });
      const page = await setup.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      const shot = (name: string) =>
        page.screenshot({
          path: `${out}/code-${width}-${locale}-${theme}-${name}.png`,
          fullPage: true,
          animations: "disabled",
        });
      await page.goto(`${base}/manifests`);
      await page.getByLabel(t("drift.page.source")).fill(edited);
      await page.getByRole("button", { name: t("drift.page.plan"), exact: true }).click();
      await page.getByTestId("plan-summary").waitFor();
      await shot("plan");
      await page.goto(`${base}/settings/tokens`);
      await page.getByLabel(t("tokens.create.name"), { exact: true }).fill(`nightly-drift-${locale}-${theme}-${width}`);
      await page.getByLabel(t("tokens.create.read")).check();
      await page.getByRole("button", { name: t("tokens.create.submit") }).click();
      await page.getByTestId("new-token").waitFor();
      await shot("tokens");
      await page.close();
    }
  }
}
await browser.close();
