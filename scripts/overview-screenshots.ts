// The overview (/) and the pages its tiles link to, in each language and theme, with something in
// every tile: `tsx scripts/overview-screenshots.ts <baseUrl> <emulatorUrl> <outDir>` against a running
// console on a fresh database (`npm start`). It makes a share ending tomorrow, a failed batch, a share
// outside the console (imported from CTS) and a request for approval as arthur, then saves
// `<locale>-<theme>-<page>.png`.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createTranslator } from "next-intl";
import { appImageId, DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { failedBatchOfOne, shareUntil } from "../e2e/pages/shares";
import { aliceOpenstackEnv } from "../e2e/openstack-env";
import { MESSAGES } from "../messages/node";
import { launchBrowser, signIn } from "./shots";

const [base = "http://localhost:3000", emulatorUrl = "http://localhost:4000", out = "screenshots"] =
  process.argv.slice(2);
const browser = await launchBrowser();

// What needs alice: made once, through the console and the CLI, as an admin would.
{
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  await signIn(page, base);
  await shareUntil(page, base, DEMO_IMAGES.ubuntu, DEMO.globexAp, "1");
  await failedBatchOfOne(page, base, emulatorUrl, appImageId(2), DEMO.globexAp);
  await promisify(execFile)("openstack", ["image", "add", "project", DEMO_IMAGES.debian, DEMO.umbrellaAp], {
    env: aliceOpenstackEnv(emulatorUrl),
  });
  await page.goto(`${base}/history`);
  await page.getByRole("button", { name: "Import now" }).click();
  await page.getByTestId("cts-import-result").waitFor();
  await page.close();
}

for (const locale of ["en", "zh-CN"] as const) {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  for (const theme of ["light", "dark"] as const) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, colorScheme: theme });
    const page = await context.newPage();
    await context.addCookies([{ name: "locale", value: "en", url: base }]);
    await signIn(page, base);
    await context.addCookies([{ name: "locale", value: locale, url: base }]);
    const pages: [string, string][] = [
      ["overview", "/"],
      ["batches-attention", "/batches?attention=7"],
      ["approvals-pending", "/approvals?status=pending"],
      ["manifests-drift", "/manifests?watches=drift"],
      ["images-full", "/images?full=90"],
      ["phones-full", "/phones?full=90"],
    ];
    for (const [name, path] of pages) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `${out}/${locale}-${theme}-${name}.png`, fullPage: true, animations: "disabled" });
    }
    if (theme === "light") {
      // Narrow: the tiles stack, and the filtered pages keep their notes and links on screen.
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [name, path] of pages) {
        await page.goto(`${base}${path}`);
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: `${out}/${locale}-narrow-${name}.png`, fullPage: true, animations: "disabled" });
      }
    }
    console.log(`${locale} ${theme}: ${t("overview.title")}`);
    await context.close();
  }
}
await browser.close();
