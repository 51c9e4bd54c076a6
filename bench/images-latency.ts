// How many upstream round trips the /images page waits for (target: member counts of 40 images in
// under 3 times one call's latency). Runs the emulator and `next start` (build first: npm run build),
// signs in with Chromium, then times the whole streamed page without and with 50 ms on every cloud call.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startEmulator } from "./lib";

const LATENCY_MS = 50;
const RUNS = 15;
if (!existsSync(".next/BUILD_ID")) {
  console.error("Build the console first: npm run build");
  process.exit(1);
}

const { url: emulatorUrl, child: emulatorProcess } = await startEmulator();
const port = await freePort();
const consoleUrl = `http://127.0.0.1:${port}`;
// Its own process group, so that stopping it also stops the next-server it starts.
const next = spawn("npx", ["next", "start", "-p", String(port)], {
  stdio: "ignore",
  detached: true,
  env: {
    ...process.env,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-xx",
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "imshare-bench-")), "bench.db")}`,
    CLOUD_ENDPOINT: emulatorUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
try {
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${consoleUrl}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const page = await browser.newPage();
  await page.goto(`${consoleUrl}/login`);
  await page.getByLabel("Account name").fill("acme");
  await page.getByLabel("IAM user name").fill("alice");
  await page.getByLabel("Password").fill("alice-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/images/);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await browser.close();

  const target = `${consoleUrl}/images?q=app-&limit=50`;
  const time = async () => {
    const started = performance.now();
    const html = await (await fetch(target, { headers: { cookie } })).text();
    if ((html.match(/role="meter"/g) ?? []).length < 40) throw new Error("the page did not show 40 member counts");
    return performance.now() - started;
  };
  const median = async () => {
    const t: number[] = [];
    for (let i = 0; i < RUNS; i++) t.push(await time());
    return t.sort((a, b) => a - b)[Math.floor(t.length / 2)];
  };
  await time();
  const base = await median();
  await fetch(`${emulatorUrl}/__emulator/faults/routes`, { method: "POST", body: JSON.stringify({ path: "/**", latencyMs: LATENCY_MS }) });
  const slow = await median();
  const trips = (slow - base) / LATENCY_MS;
  console.log(
    `/images with 40 images and their member counts: ${base.toFixed(0)} ms median without latency, ` +
      `${slow.toFixed(0)} ms with ${LATENCY_MS} ms per cloud call: ${trips.toFixed(2)} calls' worth of waiting (target < 3)`,
  );
} finally {
  if (next.pid) process.kill(-next.pid, "SIGTERM");
  emulatorProcess.kill();
}
