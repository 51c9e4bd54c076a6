import { defineConfig } from "@playwright/test";

const CONSOLE_PORT = Number(process.env.E2E_PORT ?? 3110);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;

/**
 * End-to-end tests: `next start` (built by `npm test`) against the emulator, in Debian's Chromium.
 * One worker: the tests share one emulator whose clock some of them move.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${CONSOLE_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
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
    },
  },
  webServer: [
    {
      command: `node --import tsx emulator/main.ts --port ${EMULATOR_PORT} --quiet`,
      url: `${EMULATOR_URL}/__emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npx next start -p ${CONSOLE_PORT}`,
      url: `http://127.0.0.1:${CONSOLE_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        DATABASE_URL: "file:data/e2e.db",
        CLOUD_ENDPOINT: EMULATOR_URL,
        IMSHARE_EMULATOR: "1",
        INBOX_POLL_MS: "1000",
        BATCH_POLL_MS: "300",
        BATCH_LEASE_MS: "3000",
        INTENT_SETTLE_MS: "2000",
        CLOUD_TIMEOUT_MS: "4000",
        BATCH_JOB_TIMEOUT_MS: "6000",
        IMSHARE_INSTANCE_ID: "e2e-main",
        // CTS imports only when a test presses "Import now", and reads traces up to that moment.
        CTS_IMPORT_INTERVAL_MS: "0",
        CTS_IMPORT_SETTLE_MS: "0",
      },
    },
  ],
});
