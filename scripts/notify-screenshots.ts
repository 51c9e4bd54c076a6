// Screenshots of expiring shares and notifications, for looking at what we build: an image's members with
// their end dates, the share dialog's "Access ends", the Images list's "Ending within 7 days", a
// recipient's inbox with an end date and the request for more time, that request among the owner's
// approvals, and Settings > Notifications with webhooks and the delivery log; in each language, light and
// dark, at 1366 and 390 px: `tsx scripts/notify-screenshots.ts <baseUrl> <outDir>` against a running
// console (`npm start`) on a fresh emulator.
import type { BrowserContext, Page } from "@playwright/test";
import { DEMO, DEMO_IMAGES, DEMO_PASSWORDS, DEMO_TOPICS } from "../emulator/seed/demo";
import { startWebhookReceiver } from "../e2e/webhook-receiver";
import { launchBrowser, signIn } from "./shots";
import { createTranslator } from "next-intl";
import { MESSAGES } from "../messages/node";

const [base = "http://localhost:3000", out = "screenshots"] = process.argv.slice(2);
const browser = await launchBrowser();
const receiver = await startWebhookReceiver({ secret: "whsec-screenshots" });

async function context(width = 1366): Promise<BrowserContext> {
  const c = await browser.newContext({ viewport: { width, height: 900 } });
  await c.addCookies([{ name: "locale", value: "en", url: base }]);
  return c;
}

async function bobSignIn(page: Page) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Account name").fill("globex");
  await page.getByLabel("IAM user name").fill("bob");
  await page.getByLabel("Password").fill(DEMO_PASSWORDS.bob);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/");
}

/** Shares an image with a project from its page, ending after a number of days. */
async function share(page: Page, image: string, target: string, days: "1" | "7" | "30") {
  await page.goto(`${base}/images/${image}`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Targets").fill(target);
  await dialog.getByLabel("Access ends").selectOption(days);
  await dialog.getByRole("button", { name: "Check targets" }).click();
  await dialog.getByRole("button", { name: /^Share 1 pair$/ }).click();
  await dialog.getByText(/The members added lose access on/).waitFor();
  await dialog.getByRole("button", { name: "Done" }).click();
}

// The world: alice shares two images with end dates, adds a webhook whose receiver refuses a few times,
// picks the SMN topic; bob accepts one share and asks for more time.
const setup = await context();
const alice = await setup.newPage();
await signIn(alice, base);
await alice.goto(`${base}/settings/notifications`);
receiver.failNext(3);
const add = alice.getByRole("form", { name: "Add webhook" });
await add.getByLabel("Name").fill("ops-dingtalk");
await add.getByLabel("URL").fill(receiver.url);
await add.getByLabel("Format").selectOption("dingtalk");
await add.getByRole("button", { name: "Add webhook" }).click();
await alice.getByText("Webhook added.").waitFor();
await alice.getByLabel("SMN topic", { exact: true }).selectOption(DEMO_TOPICS.imshareAlerts);
await alice.getByRole("button", { name: "Save settings" }).click();
await alice.getByText("Notification settings saved.").waitFor();
await share(alice, DEMO_IMAGES.ubuntu, DEMO.globexAp, "1");
await share(alice, DEMO_IMAGES.ubuntu, DEMO.initechAp, "30");
const bobContext = await context();
const bob = await bobContext.newPage();
await bobSignIn(bob);
await bob.goto(`${base}/incoming`);
await bob.getByRole("button", { name: "Accept ubuntu-22.04-web" }).click();
await bob.getByRole("button", { name: "Accept ubuntu-22.04-web" }).waitFor({ state: "detached" });
await bob.goto(`${base}/incoming?tab=accepted`);
await bob.getByRole("button", { name: "Ask for more time" }).click();
await bob.getByLabel("Why you need it longer").fill("The migration to our own image runs until the end of January.");
await bob.getByRole("button", { name: "Send request" }).click();
await bob.getByText(/waiting for the owner/).waitFor();
await alice.goto(`${base}/settings/notifications`);
await alice.getByRole("button", { name: "Send test event: ops-dingtalk" }).click();

for (const width of [1366, 390]) {
  for (const locale of ["en", "zh-CN"] as const) {
    for (const theme of width === 390 ? (["light"] as const) : (["light", "dark"] as const)) {
      for (const [who, ctx] of [
        ["alice", setup],
        ["bob", bobContext],
      ] as const) {
        await ctx.addCookies([
          { name: "locale", value: locale, url: base },
          { name: "theme", value: theme, url: base },
        ]);
        const page = await ctx.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: theme });
        const shot = (name: string) =>
          page.screenshot({
            path: `${out}/notify-${width}-${locale}-${theme}-${name}.png`,
            fullPage: true,
            animations: "disabled",
          });
        if (who === "alice") {
          await page.goto(`${base}/images/${DEMO_IMAGES.ubuntu}`);
          await shot("image-leases");
          await page.goto(`${base}/images?expiring=7`);
          await shot("images-expiring");
          await page.goto(`${base}/approvals`);
          await shot("approvals-renewal");
          await page.goto(`${base}/settings/notifications`);
          await shot("settings");
          if (width === 1366) {
            const t = createTranslator({ locale, messages: MESSAGES[locale] });
            await page.goto(`${base}/images/${DEMO_IMAGES.debian}`);
            await page.getByRole("button", { name: t("images.members.share"), exact: true }).click();
            await page.getByRole("dialog").getByLabel(t("leases.field.label")).selectOption("date");
            await shot("share-dialog");
            await page.keyboard.press("Escape");
            await page.goto(`${base}/images/${DEMO_IMAGES.ubuntu}`);
            await page.getByRole("button", { name: t("sharing.members.endDateOne", { id: DEMO.initechAp }) }).click();
            await shot("lease-dialog");
          }
        } else {
          await page.goto(`${base}/incoming?tab=accepted`);
          await shot("inbox-lease");
        }
        await page.close();
      }
    }
  }
}
await receiver.close();
await browser.close();
