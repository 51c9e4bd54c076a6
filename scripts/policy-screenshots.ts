// Screenshots of the sharing policy, for looking at what we build: the Settings page, a share plan and a
// batch plan with the policy's verdicts and risk flags, in each language and theme:
// `tsx scripts/policy-screenshots.ts <baseUrl> <outDir>` against a running console (`npm start`). Signs
// in as alice, writes a policy ("organization only, otherwise approval", audit off), and turns it off again.
import { chromium, type Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { MESSAGES } from "../messages/node";

const [base = "http://localhost:3000", out = "screenshots"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});

async function signIn(page: Page) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Account name").fill("acme");
  await page.getByLabel("IAM user name").fill("alice");
  await page.getByLabel("Password").fill("alice-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/images/);
}

/** Sets the policy through the Settings page, in English. */
async function setPolicy(page: Page, mode: "off" | "enforce") {
  await page.goto(`${base}/settings`);
  await page.getByRole("radio", { name: mode === "off" ? /^Off/ : /^Enforce/ }).check();
  await page.getByLabel("Any other target").selectOption(mode === "off" ? "allow" : "approve");
  await page.getByLabel("Name patterns").fill(mode === "off" ? "" : "centos-*");
  await page.getByRole("button", { name: "Save policy" }).click();
  await page.getByText("Policy saved").waitFor();
}

const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const page = await context.newPage();
await context.addCookies([{ name: "locale", value: "en", url: base }]);
await signIn(page);
await setPolicy(page, "enforce");
for (const locale of ["en", "zh-CN"] as const) {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  await context.addCookies([{ name: "locale", value: locale, url: base }]);
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await context.addCookies([{ name: "theme", value: theme, url: base }]);
    const shot = (name: string) =>
      page.screenshot({ path: `${out}/policy-${locale}-${theme}-${name}.png`, fullPage: true, animations: "disabled" });
    await page.goto(`${base}/settings`);
    await page.getByTestId("policy-organization").waitFor();
    await shot("settings");

    await page.goto(`${base}/images/${DEMO_IMAGES.debian}`);
    await page.getByRole("button", { name: t("images.members.share"), exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByRole("textbox")
      .first()
      .fill(`${DEMO.umbrellaAp}\norganizations::${DEMO.acme}:ou:o-acme0001/ou-partners01`);
    await dialog.getByRole("button", { name: t("sharing.share.check") }).click();
    await dialog.getByRole("table").waitFor();
    await shot("share-plan");
    await page.keyboard.press("Escape");

    await page.goto(
      `${base}/batches/new?images=${[DEMO_IMAGES.debian, DEMO_IMAGES.ubuntu, DEMO_IMAGES.centosEncrypted].join(",")}`,
    );
    await page
      .getByRole("textbox", { name: t("batches.targets.label"), exact: true })
      .fill(`${DEMO.umbrellaAp}\n${DEMO.initechAp}\norganizations::${DEMO.acme}:ou:o-acme0001/ou-partners01`);
    await page.getByRole("button", { name: t("batches.planner.plan"), exact: true }).click();
    await page.getByRole("region", { name: t("batches.policy.title") }).waitFor();
    await shot("batch-plan");
  }
}
await context.addCookies([{ name: "locale", value: "en", url: base }]);
await setPolicy(page, "off");
await browser.close();
console.log(`screenshots in ${out}/`);
