// `npm start`: builds the console if its sources changed, starts the emulator (unless CLOUD_ENDPOINT
// points elsewhere) and `next start`, and stops both together.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

const port = process.env.PORT ?? "3000";
const emulatorPort = process.env.EMULATOR_PORT ?? "4010";
const useEmulator = !process.env.CLOUD_ENDPOINT || process.env.IMSHARE_EMULATOR === "1";

function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = "data/.auth-secret";
  if (!existsSync(file)) {
    mkdirSync("data", { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function newestSource(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer().once("error", () => resolve(false));
    server.listen(Number(port), () => server.close(() => resolve(true)));
  });
}

for (const [name, p, variable] of [
  ["console", port, "PORT"],
  ...(useEmulator ? [["emulator", emulatorPort, "EMULATOR_PORT"]] : []),
]) {
  if (!(await portFree(p))) {
    console.error(
      `Port ${p} (the ${name}) is already in use. Stop what uses it, or choose another port: ${variable}=… npm start`,
    );
    process.exit(1);
  }
}

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: authSecret(),
  ...(useEmulator ? { CLOUD_ENDPOINT: `http://127.0.0.1:${emulatorPort}`, IMSHARE_EMULATOR: "1" } : {}),
};
const sources = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.js",
  "tailwind.config.ts",
  "package-lock.json",
];
const buildId = ".next/BUILD_ID";
if (!existsSync(buildId) || newestSource(sources) > statSync(buildId).mtimeMs) {
  console.log("Building the console (first start, or sources changed)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children = [];
let stopping = false;
function run(name, command, args) {
  // Each part in its own process group: `npx next start` is npx with next under it, and both must stop.
  const child = spawn(command, args, { stdio: "inherit", env, detached: true });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(
      `The ${name} stopped (${signal ? `signal ${signal}` : `exit code ${code}`}); stopping the rest. Its output above says why.`,
    );
    stop(code || 1);
  });
  children.push(child);
  return child;
}
/** Stops every part that still runs (its whole process group), then exits with `code`. */
function stop(code = 0) {
  stopping = true;
  for (const c of children) {
    try {
      process.kill(-c.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

if (useEmulator) {
  run("emulator", process.execPath, ["--import", "tsx", "emulator/main.ts", "--port", emulatorPort]);
  await waitFor(`http://127.0.0.1:${emulatorPort}/__emulator/health`);
}
run("console", "npx", ["next", "start", "-p", port]);
await waitFor(`http://127.0.0.1:${port}/api/health`);
console.log(
  `\nImshare is ready: http://localhost:${port}${useEmulator ? "  (sign in as alice / alice-demo-2026, account acme)" : ""}\n`,
);
