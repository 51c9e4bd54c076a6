import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";

/** Ports of their own: this test runs `npm start`'s script beside the suite's consoles. */
const PORT = "3195";
const EMULATOR_PORT = "4195";

function portFree(port: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer().once("error", () => resolve(false));
    server.listen(Number(port), () => server.close(() => resolve(true)));
  });
}

test("npm start stops the console when the emulator dies, and says which part died", async () => {
  test.setTimeout(120_000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT,
    EMULATOR_PORT,
    DATABASE_URL: "file:data/e2e-start.db",
  };
  delete env.CLOUD_ENDPOINT;
  delete env.IMSHARE_EMULATOR;
  const start = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  start.stdout.on("data", (d) => (output += String(d)));
  start.stderr.on("data", (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => start.on("exit", (code) => resolve(code)));
  try {
    await expect.poll(() => output, { timeout: 90_000 }).toContain("Imshare is ready");
    expect(await portFree(PORT)).toBe(false);

    // The emulator dies on its own (killed, crashed): nothing of `npm start` may keep running.
    execFileSync("pkill", ["-f", `emulator/main.ts --port ${EMULATOR_PORT}`]);
    expect(await exited).not.toBe(0);
    expect(output).toMatch(/The emulator stopped \((exit code \d+|signal \w+)\); stopping the rest/);
    await expect.poll(() => portFree(PORT), { timeout: 15_000 }).toBe(true);
    // The console closes its port a moment before its process is gone: wait for the process too.
    const running = () => {
      try {
        execFileSync("pgrep", ["-f", `next start -p ${PORT}`]);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(running, { timeout: 15_000 }).toBe(false);
  } finally {
    // Whatever the outcome, nothing of this test outlives it.
    if (start.exitCode === null) start.kill("SIGTERM");
    for (const pattern of [`next start -p ${PORT}`, `emulator/main.ts --port ${EMULATOR_PORT}`]) {
      try {
        execFileSync("pkill", ["-f", pattern]);
      } catch {
        // nothing left to stop
      }
    }
  }
});
