import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { EMULATOR_URL } from "../playwright.config";

/**
 * Extra `next start` processes for the tests of restarts and of several instances: same build, same
 * cookie secret and emulator as the main console, their own port, database and instance id.
 */
export interface ConsoleProcess {
  url: string;
  instanceId: string;
  /** Kills the process (SIGKILL by default: no clean shutdown, leases left held) and waits for it to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and database. */
  restart(): Promise<void>;
  /** Everything the process printed so far (both runs). */
  output(): string;
}

export const E2E_AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";

export async function startConsole(options: {
  port: number;
  databaseUrl: string;
  instanceId: string;
  env?: Record<string, string>;
  /** The emulator it talks to: the test's project's own (`emulator.url`); the main pair's by default. */
  emulatorUrl?: string;
}): Promise<ConsoleProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | undefined;
  let output = "";

  async function start() {
    child = spawn("node_modules/.bin/next", ["start", "-p", String(options.port)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        AUTH_SECRET: E2E_AUTH_SECRET,
        DATABASE_URL: options.databaseUrl,
        CLOUD_ENDPOINT: options.emulatorUrl ?? EMULATOR_URL,
        IMSHARE_EMULATOR: "1",
        IMSHARE_INSTANCE_ID: options.instanceId,
        BATCH_POLL_MS: "300",
        BATCH_LEASE_MS: "3000",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`console ${options.instanceId} exited: ${output}`);
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`console ${options.instanceId} did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function kill(signal: NodeJS.Signals = "SIGKILL") {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const ended = new Promise((r) => c.once("exit", r));
    c.kill(signal);
    await ended;
  }

  await start();
  return { url, instanceId: options.instanceId, kill, restart: start, output: () => output };
}

/** A fresh SQLite file for a test's own console. */
export function freshSqlite(name: string): string {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/${name}${suffix}`, { force: true });
  return `file:data/${name}`;
}
