// Screenshots of the console's pages, for looking at what we build: `tsx scripts/screenshots.ts [baseUrl] [outDir]`.
// Signs in as alice against a running console (npm start) and saves PNGs.
import { chromium, type Page } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const out = process.argv[3] ?? "screenshots";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
const page = await context.newPage();
const shot = (name: string, p: Page = page) => p.screenshot({ path: `${out}/${name}.png`, fullPage: true });

await page.goto(`${base}/login`);
await shot("login");
await page.getByRole("tab", { name: "Token (federated)" }).click();
await shot("login-token");
await page.getByRole("tab", { name: "IAM user" }).click();
await page.getByLabel("Account name").fill("acme");
await page.getByLabel("IAM user name").fill("alice");
await page.getByLabel("Password").fill("wrong");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByText("is wrong").waitFor();
await shot("login-error");
await page.getByLabel("Password").fill("alice-demo-2026");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => u.pathname === "/");
await page.goto(`${base}/images`);
await page.getByRole("link", { name: /^app-40$/ }).waitFor();
await shot("images");
await page.getByRole("button", { name: /Project:/ }).click();
await shot("project-menu");
await page.keyboard.press("Escape");
await page.getByRole("button", { name: /User menu/ }).click();
await shot("user-menu");
await page.getByRole("menuitemradio", { name: "Dark theme" }).click();
await page.goto(`${base}/images?limit=50`);
await page
  .getByRole("link", { name: /ubuntu/ })
  .first()
  .waitFor();
await shot("images-dark");
await page.goto(`${base}/incoming`);
await shot("incoming-dark");
const narrow = await context.newPage();
await narrow.setViewportSize({ width: 1024, height: 700 });
await narrow.goto(`${base}/images`);
await narrow.getByRole("link", { name: /^app-40$/ }).waitFor();
await shot("images-1024", narrow);
await browser.close();
console.log(`screenshots in ${out}/`);
