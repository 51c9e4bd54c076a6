// Screenshots of the History page's CTS import panel, before and after "Import now", light and dark,
// at 1366 px: `tsx scripts/cts-screenshots.ts <baseUrl> <emulatorUrl> <outDir>` against a running
// console and emulator (the History page must render CtsImportPanel). Makes one share straight
// against the emulator as alice first, so that the import finds something from outside the console.
import { type Page } from "@playwright/test";
import { launchBrowser, signIn } from "./shots";

const [base = "http://localhost:3000", cloud = "http://127.0.0.1:4010", out = "screenshots"] = process.argv.slice(2);

const tokenRes = await fetch(`${cloud}/v3/auth/tokens`, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({
    auth: {
      identity: {
        methods: ["password"],
        password: { user: { name: "alice", password: "alice-demo-2026", domain: { name: "acme" } } },
      },
      scope: { project: { name: "ap-southeast-1", domain: { name: "acme" } } },
    },
  }),
});
const token = tokenRes.headers.get("x-subject-token") ?? "";
await fetch(`${cloud}/v2/images/1b7f0000-0000-4000-8000-000000000001/members`, {
  method: "POST",
  headers: { "Content-Type": "application/json", "X-Auth-Token": token },
  body: JSON.stringify({ member: "1417ec000000000000000000000000a1" }),
});

const browser = await launchBrowser();
const page = await browser.newContext({ viewport: { width: 1366, height: 900 } }).then((c) => c.newPage());
await signIn(page, base);

async function shoot(name: string, p: Page) {
  await p.goto(`${base}/history`);
  const panel = p.getByTestId("cts-import-panel");
  await panel.waitFor();
  await p.screenshot({ path: `${out}/cts-panel-${name}-before.png`, fullPage: true });
  await panel.getByRole("button", { name: "Import now" }).click();
  await panel.getByTestId("cts-import-result").waitFor();
  await p.screenshot({ path: `${out}/cts-panel-${name}-after.png`, fullPage: true });
}

await shoot("light", page);
await page.getByRole("button", { name: /User menu/ }).click();
await page.getByRole("menuitemradio", { name: "Dark theme" }).click();
await shoot("dark", page);
await browser.close();
console.log(`screenshots in ${out}/`);
