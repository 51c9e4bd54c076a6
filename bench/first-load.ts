// First-load JavaScript per route (issue 15: within 10 kB of the figures before translations): every
// script a fresh browser fetches to show the page, raw and gzipped. Runs the emulator and `next start`
// (build first: npm run build) and signs alice in with Chromium.
import { gzipSync } from "node:zlib";
import { printTable, signInAlice, startConsole, startEmulator } from "./lib";

const ROUTES = ["/", "/images", "/incoming", "/batches/new", "/history", "/names"];

const { url: emulatorUrl, child: emulatorProcess } = await startEmulator();
const app = await startConsole(emulatorUrl, { IMSHARE_EMULATOR: "1" });
try {
  const { browser, page } = await signInAlice(app.url);
  const rows: [string, string][] = [];
  for (const route of ["/login", ...ROUTES]) {
    // A new context each time: nothing cached, as on a first visit (the login page signed out).
    const context = await browser.newContext({
      storageState: route === "/login" ? undefined : await page.context().storageState(),
    });
    const tab = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    tab.on("response", (res) => {
      if (res.request().resourceType() === "script") bodies.push(res.body().catch(() => Buffer.alloc(0)));
    });
    await tab.goto(`${app.url}${route}`, { waitUntil: "networkidle" });
    let raw = 0;
    let gzip = 0;
    for (const body of await Promise.all(bodies)) {
      raw += body.length;
      gzip += gzipSync(body).length;
    }
    rows.push([route, `${(gzip / 1024).toFixed(1)} kB gzipped (${(raw / 1024).toFixed(0)} kB raw)`]);
    await context.close();
  }
  await browser.close();
  printTable("First-load JavaScript per route", rows);
} finally {
  app.stop();
  emulatorProcess.kill();
}
