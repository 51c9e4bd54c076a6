// Screenshots of the sharing policy, for looking at what we build: the Settings page, a share plan and a
// batch plan with the policy's verdicts and risk flags, in each language and theme:
// `tsx scripts/policy-screenshots.ts <baseUrl> <outDir>` against a running console (`npm start`). Signs
// in as alice, writes a policy ("organization only, otherwise approval", audit off), and turns it off again.
import { type Page } from "@playwright/test";
import { launchBrowser, signIn } from "./shots";
import { createTranslator } from "next-intl";
import { DEMO, DEMO_IMAGES } from "../emulator/seed/demo";
import { MESSAGES } from "../messages/node";

const [base = "http://localhost:3000", out = "screenshots"] = process.argv.slice(2);
const browser = await launchBrowser();

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
await signIn(page, base);
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
// A request for approval, as alice, then the Approvals page as arthur (who decides) and as alice.
await context.addCookies([{ name: "locale", value: "en", url: base }]);
await page.emulateMedia({ colorScheme: "light" });
await context.addCookies([{ name: "theme", value: "light", url: base }]);
await page.goto(`${base}/images/${DEMO_IMAGES.debian}`);
await page.getByRole("button", { name: "Share", exact: true }).click();
await page.getByRole("dialog").getByLabel("Targets").fill(DEMO.umbrellaAp);
await page.getByRole("dialog").getByRole("button", { name: "Check targets" }).click();
await page
  .getByRole("dialog")
  .getByLabel("Why (the approver reads it)")
  .fill("Umbrella's proof of concept, until March");
await page.getByRole("dialog").getByRole("button", { name: "Ask for approval" }).click();
await page
  .getByRole("dialog")
  .getByText(/Sent for approval/)
  .waitFor();
await page.screenshot({ path: `${out}/policy-en-light-asked.png`, animations: "disabled" });
const arthurContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const arthur = await arthurContext.newPage();
await arthurContext.addCookies([{ name: "locale", value: "en", url: base }]);
await signIn(arthur, base, "arthur");
for (const locale of ["en", "zh-CN"] as const) {
  await arthurContext.addCookies([{ name: "locale", value: locale, url: base }]);
  await context.addCookies([{ name: "locale", value: locale, url: base }]);
  for (const theme of ["light", "dark"] as const) {
    for (const [who, p] of [
      ["arthur", arthur],
      ["alice", page],
    ] as const) {
      await p.emulateMedia({ colorScheme: theme });
      await p.context().addCookies([{ name: "theme", value: theme, url: base }]);
      await p.goto(`${base}/approvals`);
      await p.getByRole("heading", { level: 1 }).waitFor();
      await p.screenshot({ path: `${out}/policy-${locale}-${theme}-approvals-${who}.png`, fullPage: true });
    }
  }
}
await arthurContext.close();
await context.addCookies([{ name: "locale", value: "en", url: base }]);
await setPolicy(page, "off");
await browser.close();
console.log(`screenshots in ${out}/`);
