import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO_IMAGES, DEMO_PHONES } from "../emulator/seed/demo";
import { expect, emulator, HOME, test, type LoginPage } from "./fixtures";
import { launchTenByThree } from "./pages/batches";

/**
 * axe on every page of the console, in one language (e2e/a11y.spec.ts English, a11y-zh.spec.ts Chinese,
 * on two pairs side by side): no violations of WCAG 2.1 A and AA rules in light, and none of the
 * colour rules in dark (the theme changes colours only: the same markup, the same other rules).
 */
const violations: string[] = [];
/** Every WCAG 2.1 A and AA rule; `colorsOnly` for a second theme, where the page is the same but its colours. */
async function check(page: Page, name: string, colorsOnly = false) {
  const axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const results = await (colorsOnly ? axe.withRules(["color-contrast", "link-in-text-block"]) : axe).analyze();
  violations.push(
    ...results.violations.map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
  );
}

const setCookie = (page: Page, name: string, value: string) =>
  page.context().addCookies([{ name, value, url: test.info().project.use.baseURL }]);

/** Signs in (the sign-in page is checked too), makes a batch, and runs axe on every page in `locale`. */
export async function axeEveryPage(page: Page, login: LoginPage, locale: "en" | "zh-CN") {
  violations.length = 0;
  // Twenty-odd axe runs while three other consoles' specs run beside this one.
  test.setTimeout(360_000);
  await emulator.reset();
  await setCookie(page, "theme", "light");
  await setCookie(page, "locale", locale);
  await login.goto();
  await page.getByRole("button", { name: locale === "en" ? "Sign in" : "登录", exact: true }).waitFor();
  await check(page, `login (${locale})`);
  // Signed in through the English page, as the fixtures' sign-in speaks English.
  await setCookie(page, "locale", "en");
  await login.goto();
  await login.signIn("alice");
  await expect(page).toHaveURL(HOME);
  const batch = await launchTenByThree(page);
  await expect(page.getByText("30 succeeded").first()).toBeVisible();
  // What each page waits for before axe reads it: data, or its words in either language.
  const pages: [string, string, () => Promise<unknown>][] = [
    ["images", "/images", () => page.getByRole("link", { name: "app-40" }).waitFor()],
    ["image", `/images/${DEMO_IMAGES.debian}`, () => page.getByRole("heading", { name: "debian-12-base" }).waitFor()],
    ["phones", "/phones", () => page.getByRole("link", { name: "cph-android11-game" }).waitFor()],
    [
      "phone",
      `/phones/${DEMO_PHONES.android11Game}`,
      () => page.getByRole("heading", { name: "cph-android11-game" }).waitFor(),
    ],
    ["incoming", "/incoming", () => page.getByText("globex-analytics-gpu").first().waitFor()],
    ["batches", "/batches", () => page.getByRole("heading", { name: /^(Batches|批量任务)$/ }).waitFor()],
    [
      "batch",
      `/batches/${batch}`,
      () =>
        page
          .getByText(/30 (succeeded|个成功)/)
          .first()
          .waitFor(),
    ],
    ["overview", "/", () => page.getByTestId("tile-activity").and(page.locator("[data-state=ready]")).waitFor()],
    ["new batch", "/batches/new", () => page.getByRole("button", { name: /^(Plan|规划)$/ }).waitFor()],
    ["history", "/history", () => page.getByRole("heading", { name: /^(History|操作记录)$/ }).waitFor()],
    ["address book", "/names", () => page.getByRole("heading", { name: /^(Address book|通讯录)$/ }).waitFor()],
    ["settings", "/settings", () => page.getByTestId("policy-organization").waitFor()],
    ["approvals", "/approvals", () => page.getByRole("heading", { level: 1, name: /^(Approvals|审批)$/ }).waitFor()],
    [
      "notifications",
      "/settings/notifications",
      () => page.getByRole("button", { name: /^(Save settings|保存设置)$/ }).waitFor(),
    ],
    [
      "sharing as code",
      "/manifests",
      () => page.getByRole("heading", { level: 1, name: /^(Sharing as code|共享即代码)$/ }).waitFor(),
    ],
    ["API tokens", "/settings/tokens", () => page.getByRole("button", { name: /^(Create token|创建令牌)$/ }).waitFor()],
  ];
  // One navigation per page and language: the dark pass swaps the theme's class on <html> as the user
  // menu does, since the theme changes colours only.
  {
    await setCookie(page, "locale", locale);
    for (const [name, path, ready] of pages) {
      await page.goto(path);
      await ready();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await check(page, `${name} (${locale}, light)`);
      // Colours change with a transition on some controls: axe reads them once it has run.
      await page.evaluate(() => {
        document.documentElement.classList.replace("light", "dark");
        return Promise.all(document.getAnimations().map((a) => a.finished));
      });
      await check(page, `${name} (${locale}, dark)`, true);
    }
  }
  expect(violations).toEqual([]);
}
