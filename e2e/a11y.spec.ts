import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO_IMAGES, DEMO_PHONES } from "../emulator/seed/demo";
import { expect, emulator, test } from "./fixtures";
import { launchTenByThree } from "./pages/batches";

/**
 * axe on every page of the console: no violations of WCAG 2.1 A and AA rules in light, and none of the
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

// The sign-in page is one of the pages checked: this test signs in itself.
test("every page passes axe, in light and in dark", async ({ page, login }) => {
  // Eighteen axe runs while two other consoles' specs run beside this one.
  test.setTimeout(240_000);
  await emulator.reset();
  await login.goto();
  await page.getByLabel("Account name").waitFor();
  await check(page, "login");
  await login.signIn("alice");
  await expect(page).toHaveURL(/\/images$/);
  const batch = await launchTenByThree(page);
  await expect(page.getByText("30 succeeded").first()).toBeVisible();
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
    ["batches", "/batches", () => page.getByRole("heading", { name: "Batches" }).waitFor()],
    ["batch", `/batches/${batch}`, () => page.getByText("30 succeeded").first().waitFor()],
    ["new batch", "/batches/new", () => page.getByRole("button", { name: "Plan", exact: true }).waitFor()],
    ["history", "/history", () => page.getByRole("heading", { name: "History" }).waitFor()],
    ["address book", "/names", () => page.getByRole("heading", { name: "Address book" }).waitFor()],
  ];
  for (const theme of ["light", "dark"]) {
    await page.context().addCookies([{ name: "theme", value: theme, url: page.url() }]);
    for (const [name, path, ready] of pages) {
      await page.goto(path);
      await ready();
      await check(page, `${name} (${theme})`, theme === "dark");
    }
  }
  expect(violations).toEqual([]);
});
