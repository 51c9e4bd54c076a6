// Every page of the console, and its dialogs, in each language and theme, for looking at what we build:
// `tsx scripts/screenshots-i18n.ts <baseUrl> <outDir> [finished=<batchId>] [running=<batchId>]` against a
// running console (`npm start`; batches from scripts/dev-seed-batch.ts). Signs in as alice and saves
// `<locale>-<theme>-<page>.png`. The labels it clicks are read from the catalogues, so it walks Chinese too.
import { launchBrowser, signIn } from "./shots";
import { createTranslator } from "next-intl";
import { DEMO_IMAGES, DEMO_PHONES } from "../emulator/seed/demo";
import { MESSAGES } from "../messages/node";

const [base = "http://localhost:3000", out = "screenshots", ...named] = process.argv.slice(2);
const batches = named.map((n) => n.split("=") as [string, string]);
const LOCALES = ["zh-CN", "en"] as const;
const GLOBEX_PROJECT = "610be0000000000000000000000000a1";

const browser = await launchBrowser();

for (const locale of LOCALES) {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  for (const theme of ["light", "dark"] as const) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, colorScheme: theme });
    const page = await context.newPage();
    const setLocale = (value: string) => context.addCookies([{ name: "locale", value, url: base }]);
    const shot = (name: string) =>
      page.screenshot({ path: `${out}/${locale}-${theme}-${name}.png`, fullPage: true, animations: "disabled" });
    const settle = () => page.waitForLoadState("networkidle");

    await setLocale(locale);
    await page.goto(`${base}/login`);
    await settle();
    await shot("login");
    await page.getByRole("tab", { name: t("auth.methodToken") }).click();
    await shot("login-token");
    await setLocale("en");
    await signIn(page, base);
    await setLocale(locale);

    const pages: [string, string][] = [
      ["images", "/images"],
      ["images-unshareable", "/images?shareable=no"],
      ["image", `/images/${DEMO_IMAGES.debian}`],
      ["image-full-ecs", `/images/${DEMO_IMAGES.fullEcsFromCbr}`],
      ["phones", "/phones"],
      ["phone", `/phones/${DEMO_PHONES.android11Game}`],
      ["incoming", "/incoming"],
      ["incoming-accepted", "/incoming?tab=accepted"],
      ["batches", "/batches"],
      ["batches-new", "/batches/new"],
      ["history", "/history"],
      ["names", "/names"],
      ["image-missing", "/images/00000000-0000-4000-8000-00000000dead"],
      ["not-found", "/no-such-page"],
      ...batches.map(([name, id]): [string, string] => [`batch-${name}`, `/batches/${id}`]),
    ];
    for (const [name, path] of pages) {
      await page.goto(`${base}${path}`);
      await settle();
      await shot(name);
    }

    // The share dialog with a plan, on an image's page.
    await page.goto(`${base}/images/${DEMO_IMAGES.debian}`);
    await page.getByRole("button", { name: t("images.members.share"), exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox").first().fill(`${GLOBEX_PROJECT}\nnot-an-id`);
    await dialog.getByRole("button", { name: t("sharing.share.check") }).click();
    await dialog.getByRole("table").waitFor();
    await shot("share-plan");
    await page.keyboard.press("Escape");

    // The batch planner with a plan.
    await page.goto(`${base}/batches/new?images=${[DEMO_IMAGES.debian, DEMO_IMAGES.ubuntu].join(",")}`);
    await page
      .getByRole("textbox", { name: t("batches.targets.label"), exact: true })
      .fill(`${GLOBEX_PROJECT}\n1417ec000000000000000000000000a1`);
    await page.getByRole("button", { name: t("batches.planner.plan"), exact: true }).click();
    await page.locator("dt").first().waitFor();
    await settle();
    await shot("batches-plan");

    // The user menu.
    await page.goto(`${base}/images`);
    await page.getByRole("button", { name: /^User menu|^用户菜单/ }).click();
    await shot("user-menu");
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}/`);
