// What the screenshot scripts share: Debian's Chromium, and signing in through the sign-in page.
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORDS } from "../emulator/seed/demo";

/** Debian's Chromium, as the end-to-end tests run it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
}

/** Signs a demo user of acme in through the English sign-in page and waits for the overview. */
export async function signIn(page: Page, base: string, user: "alice" | "arthur" = "alice"): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("Account name").fill("acme");
  await page.getByLabel("IAM user name").fill(user);
  await page.getByLabel("Password").fill(DEMO_PASSWORDS[user]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/");
}
