// Screenshots of the batch pages in light and dark at 1366 px:
// `tsx scripts/batch-screenshots.ts <baseUrl> <outDir> <name=batchId>...` against a running console
// whose database has batches (scripts/dev-seed-batch.ts). Signs in as alice.
import { type Page } from "@playwright/test";
import { launchBrowser, signIn } from "./shots";

const [base = "http://localhost:3000", out = "screenshots", ...named] = process.argv.slice(2);
const batches = named.map((n) => n.split("=") as [string, string]);

const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const page = await context.newPage();

await signIn(page, base);

async function shoot(theme: string, p: Page) {
  await p.goto(`${base}/batches`);
  await p.getByRole("heading", { name: "Batches" }).waitFor();
  await p.screenshot({ path: `${out}/batches-${theme}.png`, fullPage: true });
  for (const [name, id] of batches) {
    await p.goto(`${base}/batches/${id}`);
    await p.getByRole("row").nth(1).waitFor();
    await p.screenshot({ path: `${out}/batch-${name}-${theme}.png`, fullPage: true });
  }
}

await shoot("light", page);
await page.getByRole("button", { name: /User menu/ }).click();
await page.getByRole("menuitemradio", { name: "Dark theme" }).click();
await shoot("dark", page);
await browser.close();
console.log(`screenshots in ${out}/`);
