import { existsSync } from "node:fs";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";

/** What a spec needs to know of the console it runs against (read through `test.info().project.metadata`). */
export interface E2eTarget {
  reading: "A" | "B";
  emulatorUrl: string;
  database: string;
  /** Where the stored sessions of the demo users on this console are written (git-ignored). */
  sessions: string;
}

/** An emulator and the `next start` console in front of it, with their own ports and database. */
interface Pair extends E2eTarget {
  consolePort: number;
  emulatorPort: number;
  instance: string;
}

function pair(name: string, reading: "A" | "B", consolePort: number, emulatorPort: number): Pair {
  const suffix = name === "main" ? "" : `-${name}`;
  return {
    reading,
    consolePort,
    emulatorPort,
    emulatorUrl: `http://127.0.0.1:${emulatorPort}`,
    database: `data/e2e${suffix}.db`,
    sessions: `data/e2e-sessions/${name}`,
    instance: `e2e-${name}`,
  };
}

const port = (variable: string, fallback: number) => Number(process.env[variable] ?? fallback);
const MAIN = pair("main", "A", port("E2E_PORT", 3110), port("E2E_EMULATOR_PORT", 4110));
/** Reading B of every disputed behaviour (cloud-api.md section 14). */
const DISPUTED_B = pair("b", "B", port("E2E_B_PORT", 3111), port("E2E_EMULATOR_B_PORT", 4111));
/** Reading A again, for the long independent specs, so that they run beside the rest. */
const HARDENING = pair("hardening", "A", port("E2E_HARDENING_PORT", 3112), port("E2E_EMULATOR_HARDENING_PORT", 4112));
/** Reading A once more, for the axe runs and the fuzz (`AXE`), which take as long as a pair's share of the rest. */
const A11Y = pair("a11y", "A", port("E2E_A11Y_PORT", 3113), port("E2E_EMULATOR_A11Y_PORT", 4113));
/**
 * The specs of the second reading-A pair: the long fault, fuzz and start specs, and enough others
 * (history, names, phones, the inbox) that the pairs take about as long, since the slowest one sets the
 * suite's time.
 */
const ON_THEIR_OWN = /(faults|start|names|history|phones|incoming|auth|manifests|api|fuzz-api)\.spec\.ts$/;
/**
 * The third reading-A pair's: the axe runs and the fuzz, the two that keep a browser or the server
 * busiest, and the specs of shares that end and of notifications, which wait on the console's clock
 * and start consoles of their own.
 */
const AXE = /(a11y|fuzz|leases|notifications)\.spec\.ts$/;
/**
 * Specs that run on the reading-B pair besides its @flow tests, not on a reading-A one: the console in
 * Chinese, walked, driven through its main flows and checked with axe, and the second half of the
 * actions' fuzz (the first half runs on the axe pair: together they took six minutes of one pair on CI).
 * They hold under either reading, and that pair has the most time to spare.
 */
const ON_B = /(zh-(walk|flows)|a11y-zh|fuzz-more)\.spec\.ts/;

export const EMULATOR_URL = MAIN.emulatorUrl;

/**
 * Debian's old headless shell (package chromium-headless-shell), as Playwright itself runs headless
 * tests: about a fifth faster here than the full browser, which stays the fallback.
 */
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const CHROMIUM = process.env.E2E_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

type WebServer = Extract<PlaywrightTestConfig["webServer"], unknown[]>[number];
type Project = NonNullable<PlaywrightTestConfig["projects"]>[number];

/** The pair's two processes: the emulator (playing the pair's reading) and a console on a fresh database. */
function servers(p: Pair): WebServer[] {
  const db = p.database;
  return [
    {
      command: `node --import tsx emulator/main.ts --port ${p.emulatorPort} --disputed ${p.reading} --quiet`,
      url: `${p.emulatorUrl}/__emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `rm -f ${db} ${db}-wal ${db}-shm && npx next start -p ${p.consolePort}`,
      url: `http://127.0.0.1:${p.consolePort}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        DATABASE_URL: `file:${db}`,
        CLOUD_ENDPOINT: p.emulatorUrl,
        IMSHARE_EMULATOR: "1",
        // Every open page asks for the pending count this often: fast enough for a test to see a new share
        // within its expect timeout, slow enough not to keep four consoles busy between tests.
        INBOX_POLL_MS: "2500",
        BATCH_POLL_MS: "300",
        BATCH_LEASE_MS: "3000",
        INTENT_SETTLE_MS: "2000",
        CLOUD_TIMEOUT_MS: "4000",
        // Long enough for a test to give up a stuck job itself before the tracker does.
        BATCH_JOB_TIMEOUT_MS: "10000",
        BATCH_STALL_MS: "1500",
        IMSHARE_INSTANCE_ID: p.instance,
        // CTS imports only when a test presses "Import now", and reads traces up to that moment.
        CTS_IMPORT_INTERVAL_MS: "0",
        CTS_IMPORT_SETTLE_MS: "0",
      },
    },
  ];
}

/** A project on a pair: one worker, since its tests share one emulator whose clock some of them move. */
const on = (p: Pair) => ({
  workers: 1,
  use: { baseURL: `http://127.0.0.1:${p.consolePort}` },
  metadata: {
    reading: p.reading,
    emulatorUrl: p.emulatorUrl,
    database: p.database,
    sessions: p.sessions,
  } satisfies E2eTarget,
});

/**
 * Every project with its pair. `E2E_ONLY=main,a11y` starts only those pairs: a run of one spec on one
 * pair (`E2E_ONLY=main npx playwright test e2e/images.spec.ts`) then starts two servers, not eight.
 */
const ALL: [Project, Pair][] = [
  [{ name: "main", testIgnore: [ON_THEIR_OWN, AXE, ON_B], ...on(MAIN) }, MAIN],
  [{ name: "hardening", testMatch: ON_THEIR_OWN, ...on(HARDENING) }, HARDENING],
  [{ name: "a11y", testMatch: AXE, ...on(A11Y) }, A11Y],
  // A test's grep title holds its file's path: the pair runs its @flow tests and the ON_B specs whole.
  [{ name: "disputed-b", grep: [/@flow/, ON_B], ...on(DISPUTED_B) }, DISPUTED_B],
];
const only = process.env.E2E_ONLY?.split(",").map((name) => name.trim());
const PROJECTS = only ? ALL.filter(([project]) => only.includes(project.name ?? "")) : ALL;

/**
 * End-to-end tests: `next start` (built by `npm test`) against the emulator, in Debian's Chromium.
 * Four pairs, one project each, side by side: `main` runs the specs against reading A; `hardening`
 * the long fault spec and a share of the others (`ON_THEIR_OWN`) against reading A on a pair of its own;
 * `a11y` the axe runs and the fuzz on another; `disputed-b`
 * the main flows (tests tagged @flow) and the console in Chinese (`ON_B`) against reading B of every
 * disputed behaviour.
 */
export default defineConfig({
  testDir: "e2e",
  // `@/messages` is read from the files here (messages/node.ts): Node imports no JSON without an attribute.
  tsconfig: "./tsconfig.e2e.json",
  fullyParallel: false,
  workers: 4,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    // Recording a trace of every test (to keep those that fail) cost about a quarter of the suite's CPU.
    // A failure keeps its screenshot and error context; `--trace retain-on-failure` records traces again.
    trace: "off",
    screenshot: "only-on-failure",
    // As a browser asking for less motion: the loading skeletons do not pulse (motion-safe), so Chromium
    // paints no frames while a test waits on them.
    reducedMotion: "reduce",
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
  projects: PROJECTS.map(([project]) => project),
  webServer: PROJECTS.flatMap(([, p]) => servers(p)),
});
