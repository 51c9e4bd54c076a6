import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Agent, request } from "node:http";
import { ALICE_ACTOR } from "../lib/audit/testing";
import { fillerProjectId } from "../emulator/seed/builders";
import { LARGE } from "../emulator/seed/large";

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Starts the emulator in its own process and waits until it answers. */
export async function startEmulator(args: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "emulator/main.ts", "--port", String(port), "--quiet", ...args],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/__emulator/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error("emulator did not start");
}

export async function login(url: string, user: string, password: string, domain: string): Promise<string> {
  const res = await fetch(`${url}/v3/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: user, password, domain: { name: domain } } } },
        scope: { project: { name: "ap-southeast-1", domain: { name: domain } } },
      },
    }),
  });
  const token = res.headers.get("x-subject-token");
  if (!token) throw new Error(`login failed: ${res.status}`);
  return token;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/** GETs one URL from `concurrency` keep-alive loops for a fixed time; bounded in time by design. */
export async function load(
  target: string,
  headers: Record<string, string>,
  concurrency: number,
  seconds: number,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = request(target, { agent, headers }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) latencies.push(performance.now() - started);
          else errors++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: pct(0.5),
    p95: pct(0.95),
  };
}

/**
 * Starts `next start` (build first: npm run build) against an emulator, in its own process group so
 * that stopping it also stops the next-server it starts.
 */
export async function startConsole(
  emulatorUrl: string,
  env: Record<string, string> = {},
): Promise<{ url: string; pid: number; stop(): void }> {
  const { existsSync, mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  if (!existsSync(".next/BUILD_ID")) throw new Error("Build the console first: npm run build");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const next = spawn("npx", ["next", "start", "-p", String(port)], {
    stdio: "ignore",
    detached: true,
    env: {
      ...process.env,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-xx",
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "imshare-bench-")), "bench.db")}`,
      CLOUD_ENDPOINT: emulatorUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  const stop = () => {
    if (next.pid) process.kill(-next.pid, "SIGTERM");
  };
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, pid: next.pid ?? 0, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error("the console did not start");
}

/** Signs alice in with Chromium; returns the page (for UI-driven figures) and the cookie header. */
export async function signInAlice(consoleUrl: string, path = "/images") {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${consoleUrl}/login?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Account name").fill("acme");
  await page.getByLabel("IAM user name").fill("alice");
  await page.getByLabel("Password").fill("alice-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === path.split("?")[0]);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return { browser, page, cookie };
}

export async function emulatorStats(emulatorUrl: string): Promise<Record<string, number>> {
  return (await (await fetch(`${emulatorUrl}/__emulator/stats`)).json()).routes;
}

// ---- batch benchmarks ----------------------------------------------------------------------------

/** Alice in acme's ap-southeast-1 project, as the launcher of a benchmark batch. */
export const BENCH_ACTOR = ALICE_ACTOR;

/** The first `n` projects of the large seed's `bench-NN` accounts (all in ap-southeast-1), as `largeWorld` names them. */
export function benchProjects(n: number): { id: string; name: string }[] {
  const out: { id: string; name: string }[] = [];
  for (let a = 1; a <= LARGE.accounts && out.length < n; a++) {
    for (let p = 0; p < LARGE.projectsPerAccount && out.length < n; p++) {
      out.push({
        id: fillerProjectId("be0a", a * 16 + p),
        name: p === 0 ? "ap-southeast-1" : `ap-southeast-1_team${p}`,
      });
    }
  }
  return out;
}

/** The id of the large seed's `bulk-NNNN` image. */
export const bulkImageId = (n: number) => `1b7f0000-0000-4000-8000-${(1_000_000 + n).toString().padStart(12, "0")}`;

/** The value at fraction `p` of the sorted samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? NaN;
}

/** Prints figures as a two-column table under a title. */
export function printTable(title: string, rows: [string, string | number][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(title);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

/** The emulator's counts and every read of each job. */
export async function emulatorSnapshot(emulatorUrl: string): Promise<{
  total: number;
  routes: Record<string, number>;
  jobPolls: Record<string, { at: number; client: string }[]>;
}> {
  return (await fetch(`${emulatorUrl}/__emulator/stats`)).json();
}

/** Sums the counts of routes starting with one of the prefixes. */
export function countRoutes(routes: Record<string, number>, ...prefixes: string[]): number {
  return Object.entries(routes)
    .filter(([k]) => prefixes.some((p) => k.startsWith(p)))
    .reduce((n, [, v]) => n + v, 0);
}

/**
 * How many cloud calls' worth a page waits for: the median time to fetch it whole (`check` says it is
 * drawn), then again with `latencyMs` on every call of the emulator; the difference over `latencyMs`.
 */
export async function latencyTrips(
  emulatorUrl: string,
  url: string,
  cookie: string,
  check: (html: string) => void,
  { latencyMs = 50, runs = 15 } = {},
): Promise<{ base: number; slow: number; trips: number }> {
  const time = async () => {
    const started = performance.now();
    check(await (await fetch(url, { headers: { cookie } })).text());
    return performance.now() - started;
  };
  const median = async () => {
    const t: number[] = [];
    for (let i = 0; i < runs; i++) t.push(await time());
    return t.sort((a, b) => a - b)[Math.floor(t.length / 2)];
  };
  await time();
  const base = await median();
  await fetch(`${emulatorUrl}/__emulator/faults/routes`, {
    method: "POST",
    body: JSON.stringify({ path: "/**", latencyMs }),
  });
  const slow = await median();
  return { base, slow, trips: (slow - base) / latencyMs };
}
