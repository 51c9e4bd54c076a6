import { serve } from "@hono/node-server";
import { parseArgs } from "node:util";
import { describeDisputed, disputedProfile, JOB_SPEEDS, type JobSpeed } from "./core/config";
import { createEmulator, type SeedName } from "./server";
import { describeWorld } from "./describe";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string", default: "127.0.0.1" },
    seed: { type: "string" },
    state: { type: "string" },
    "job-speed": { type: "string" },
    config: { type: "string" },
    disputed: { type: "string" },
    "no-controls": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run emulator -- [options]
  --port N            listen port (default $EMULATOR_PORT or 4010)
  --host H            listen address (default 127.0.0.1)
  --seed demo|large   world to start with (default $EMULATOR_SEED or demo)
  --state FILE        keep state in FILE across restarts (default $EMULATOR_STATE)
  --job-speed S       instant|demo|slow (default $EMULATOR_JOB_SPEED or demo)
  --config JSON       option overrides, e.g. '{"memberLimit":128,"strict":true}'
  --disputed A|B      play every disputed behaviour (cloud-api.md section 14) as reading A (default) or B;
                      --config '{"disputed":{"tokenRescope":"B"}}' sets one row
  --no-controls       do not serve /__emulator/ controls
  --quiet             do not print the world at start`);
  process.exit(0);
}

function fail(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(2);
}

const port = Number(values.port ?? process.env.EMULATOR_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port ${values.port}`);
const seed = (values.seed ?? process.env.EMULATOR_SEED ?? "demo") as SeedName;
if (seed !== "demo" && seed !== "large") fail(`unknown seed ${seed}: use demo or large`);
const speed = (values["job-speed"] ?? process.env.EMULATOR_JOB_SPEED ?? "demo") as JobSpeed;
if (!(speed in JOB_SPEEDS)) fail(`unknown job speed ${speed}: use instant, demo or slow`);
let overrides: Record<string, unknown> = {};
try {
  overrides = values.config ? (JSON.parse(values.config) as Record<string, unknown>) : {};
} catch {
  fail("--config must be a JSON object");
}

const disputed = values.disputed ?? process.env.EMULATOR_DISPUTED ?? "A";
if (disputed !== "A" && disputed !== "B") fail(`unknown --disputed ${disputed}: use A or B`);
// --config may name one reading for every row ("B") or some rows ({"tokenRescope":"B"}); it wins over --disputed.
const configured = overrides.disputed;
const disputedRows =
  configured === "A" || configured === "B"
    ? disputedProfile(configured)
    : { ...disputedProfile(disputed), ...(configured as object | undefined) };

const publicUrl = process.env.EMULATOR_PUBLIC_URL || `http://${values.host}:${port}`;
let emulator;
try {
  emulator = createEmulator({
    seed,
    publicUrl,
    statePath: values.state ?? process.env.EMULATOR_STATE,
    controls: !values["no-controls"],
    config: { jobTiming: JOB_SPEEDS[speed], ...overrides, disputed: disputedRows },
  });
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}

const server = serve({ fetch: emulator.app.fetch, port, hostname: values.host }, (info) => {
  console.log(
    `Huawei Cloud emulator on http://${values.host}:${info.port} (public URL ${publicUrl}), jobs: ${speed}, disputed behaviours (section 14): ${describeDisputed(emulator.emu.config.disputed)}`,
  );
  if (!values.quiet) console.log(describeWorld(emulator.emu.world));
});

const shutdown = () => {
  emulator.close();
  server.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
