import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const CONSOLE_PORT = Number(process.env.E2E_PORT ?? 3110);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
/** A second emulator playing reading B of every disputed behaviour (cloud-api.md section 14), and its console. */
const CONSOLE_B_PORT = Number(process.env.E2E_B_PORT ?? 3111);
const EMULATOR_B_PORT = Number(process.env.E2E_EMULATOR_B_PORT ?? 4111);
export const EMULATOR_B_URL = `http://127.0.0.1:${EMULATOR_B_PORT}`;
/** A third pair, reading A, for the long independent specs (faults, accessibility, fuzz), so they run beside the rest. */
const CONSOLE_C_PORT = Number(process.env.E2E_C_PORT ?? 3112);
const EMULATOR_C_PORT = Number(process.env.E2E_EMULATOR_C_PORT ?? 4112);
const EMULATOR_C_URL = `http://127.0.0.1:${EMULATOR_C_PORT}`;
const ON_THEIR_OWN = /(faults|a11y|fuzz)\.spec\.ts$/;

/**
 * Debian's old headless shell (package chromium-headless-shell), as Playwright itself runs headless
 * tests: about a fifth faster here than the full browser, which stays the fallback.
 */
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const CHROMIUM = process.env.E2E_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

/** What a spec needs to know of the console it runs against (read through `test.info().project.metadata`). */
export interface E2eTarget {
  reading: "A" | "B";
  emulatorUrl: string;
  database: string;
}


const consoleEnv = (emulatorUrl: string, database: string, instance: string) => ({
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  DATABASE_URL: `file:${database}`,
  CLOUD_ENDPOINT: emulatorUrl,
  IMSHARE_EMULATOR: "1",
  INBOX_POLL_MS: "1000",
  BATCH_POLL_MS: "300",
  BATCH_LEASE_MS: "3000",
  INTENT_SETTLE_MS: "2000",
  CLOUD_TIMEOUT_MS: "4000",
  BATCH_JOB_TIMEOUT_MS: "6000",
  IMSHARE_INSTANCE_ID: instance,
  // CTS imports only when a test presses "Import now", and reads traces up to that moment.
  CTS_IMPORT_INTERVAL_MS: "0",
  CTS_IMPORT_SETTLE_MS: "0",
});

/**
 * End-to-end tests: `next start` (built by `npm test`) against the emulator, in Debian's Chromium.
 * Three emulator and console pairs, one project each, side by side: `main` runs the specs against
 * reading A; `hardening` runs the long fault, accessibility and fuzz specs against reading A on a pair of their
 * own; `disputed-b` runs the main flows (tests tagged @flow) against reading B of every disputed
 * behaviour. Each project has one worker: its tests share one emulator whose clock some of them move.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 3,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
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
  projects: [
    {
      name: "main",
      workers: 1,
      testIgnore: ON_THEIR_OWN,
      use: { baseURL: `http://127.0.0.1:${CONSOLE_PORT}` },
      metadata: { reading: "A", emulatorUrl: EMULATOR_URL, database: "data/e2e.db" } satisfies E2eTarget,
    },
    {
      name: "hardening",
      workers: 1,
      testMatch: ON_THEIR_OWN,
      use: { baseURL: `http://127.0.0.1:${CONSOLE_C_PORT}` },
      metadata: { reading: "A", emulatorUrl: EMULATOR_C_URL, database: "data/e2e-c.db" } satisfies E2eTarget,
    },
    {
      name: "disputed-b",
      workers: 1,
      // The main flows (tests tagged @flow), run again against the reading-B emulator.
      grep: /@flow/,
      use: { baseURL: `http://127.0.0.1:${CONSOLE_B_PORT}` },
      metadata: { reading: "B", emulatorUrl: EMULATOR_B_URL, database: "data/e2e-b.db" } satisfies E2eTarget,
    },
  ],
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
      env: consoleEnv(EMULATOR_URL, "data/e2e.db", "e2e-main"),
    },
    {
      command: `node --import tsx emulator/main.ts --port ${EMULATOR_B_PORT} --disputed B --quiet`,
      url: `${EMULATOR_B_URL}/__emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `rm -f data/e2e-b.db data/e2e-b.db-wal data/e2e-b.db-shm && npx next start -p ${CONSOLE_B_PORT}`,
      url: `http://127.0.0.1:${CONSOLE_B_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: consoleEnv(EMULATOR_B_URL, "data/e2e-b.db", "e2e-b"),
    },
    {
      command: `node --import tsx emulator/main.ts --port ${EMULATOR_C_PORT} --quiet`,
      url: `${EMULATOR_C_URL}/__emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `rm -f data/e2e-c.db data/e2e-c.db-wal data/e2e-c.db-shm && npx next start -p ${CONSOLE_C_PORT}`,
      url: `http://127.0.0.1:${CONSOLE_C_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: consoleEnv(EMULATOR_C_URL, "data/e2e-c.db", "e2e-hardening"),
    },
  ],
});
