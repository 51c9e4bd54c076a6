import { Hono } from "hono";
import { Clock } from "./core/clock";
import { defaultConfig, mergeConfig, type ConfigPatch, type EmulatorConfig } from "./core/config";
import type { Emu, EmuEnv } from "./core/context";
import { ApiError, gatewayError, smnError } from "./core/errors";
import { hex32 } from "./core/ids";
import { verifySignatures } from "./core/signed-caller";
import { Faults } from "./controls/faults";
import { registerControls } from "./controls/routes";
import { readState, StateSaver, writeState } from "./controls/state-file";
import { Stats } from "./controls/stats";
import { registerCbr } from "./cbr/routes";
import { registerCph } from "./cph/routes";
import { registerCts } from "./cts/routes";
import { registerIam } from "./iam/routes";
import { registerImsBatch } from "./ims/batch";
import { registerImsImages } from "./ims/images";
import { JobRunner } from "./ims/jobs";
import { registerImsMembers } from "./ims/members";
import { registerOrganizations } from "./organizations/routes";
import { seedWorld, type SeedName } from "./seed/seeds";
import { registerSmn } from "./smn/routes";
import { World } from "./store/world";

export type { SeedName } from "./seed/seeds";

export interface EmulatorOptions {
  seed?: SeedName;
  config?: ConfigPatch;
  /** Base URL for the catalog and links; defaults to the request's own host. */
  publicUrl?: string;
  /** Keep state across restarts in this file. */
  statePath?: string;
  /** Serve `/__emulator/` controls (default true). */
  controls?: boolean;
}

export interface Emulator {
  app: Hono<EmuEnv>;
  emu: Emu;
  faults: Faults;
  stats: Stats;
  runner: JobRunner;
  /**
   * Back to the seed: world, options, clock, faults and counts. With `keepTokens`, the tokens IAM
   * issued stay valid, so consoles in front of the emulator stay signed in across the reset.
   */
  reset(seed?: SeedName, options?: { keepTokens?: boolean }): void;
  /** Writes pending state and stops timers. */
  close(): void;
}

const GLANCE_PATH = /^\/(?:v2\/(?:images|schemas)(?:\/|$)|versions$|$)/;
const IAM_PATH = /^\/v3(?:\/auth|\/projects|\/?$)/;
const HANG_MS = 120_000;

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const initialConfig = (): EmulatorConfig => mergeConfig(defaultConfig(), options.config ?? {});
  const clock = new Clock();
  const saved = options.statePath ? readState(options.statePath) : undefined;
  let seed: SeedName = options.seed ?? "demo";
  let saver: StateSaver | undefined;

  const emu: Emu = {
    world: saved ? new World(saved.world) : seedWorld(seed, clock.now()),
    config: saved ? mergeConfig(initialConfig(), saved.config) : initialConfig(),
    clock,
    publicUrl: options.publicUrl?.replace(/\/+$/, "") ?? "",
    changed() {
      emu.world.touch();
      saver?.request();
    },
    advanceJobs: () => runner.advance(),
  };
  if (saved) clock.set(Date.now() + saved.clockOffsetMs);

  const faults = new Faults();
  const stats = new Stats();
  const runner = new JobRunner(emu, faults);
  if (options.statePath) {
    const path = options.statePath;
    saver = new StateSaver(() =>
      writeState(path, { version: 1, clockOffsetMs: clock.offset, config: emu.config, world: emu.world.toData() }),
    );
  }

  const app = new Hono<EmuEnv>();
  app.use("*", async (c, next) => {
    const requestId = hex32();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    if (IAM_PATH.test(c.req.path)) c.header("X-IAM-Trace-Id", requestId);
    if (c.req.path.startsWith("/__emulator")) return next();
    stats.count(c.req.method, c.req.path, c.req.header("user-agent") ?? "");
    const fault = faults.takeRoute(c.req.method, c.req.path);
    if (fault?.after) {
      // The request is applied, then its answer is lost: what a timeout after the fact looks like.
      emu.advanceJobs();
      await next();
    }
    if (fault) {
      if (fault.latencyMs > 0) await sleep(fault.latencyMs);
      if (fault.hang) {
        await sleep(HANG_MS);
        throw gatewayError(504, "APIGW.0104", "The backend timed out.");
      }
      if (fault.status) throw injected(fault.status, fault.code, fault.message, fault.retryAfter, c.req.path);
      if (fault.after) return;
    }
    emu.advanceJobs();
    await next();
  });

  app.use("*", verifySignatures(emu));

  app.onError((err, c) => {
    const requestId = c.get("requestId") ?? hex32();
    const glancePath = emu.config.glanceCompatibleErrors && GLANCE_PATH.test(c.req.path);
    const error = err instanceof ApiError ? err : internal(err);
    for (const [k, v] of Object.entries(error.headers)) c.header(k, v);
    c.header("X-Request-Id", requestId);
    return c.json(error.render({ requestId, glancePath }) as object, error.status as 400);
  });
  app.notFound(() => {
    throw gatewayError(404, "APIGW.0101", "The API does not exist or has not been published in the environment.");
  });

  registerIam(app, emu);
  registerImsImages(app, emu);
  registerImsMembers(app, emu);
  registerImsBatch(app, emu, runner);
  registerCph(app, emu);
  registerCts(app, emu);
  registerCbr(app, emu);
  registerOrganizations(app, emu);
  registerSmn(app, emu);

  const emulator: Emulator = {
    app,
    emu,
    faults,
    stats,
    runner,
    reset(next = seed, { keepTokens = false } = {}) {
      seed = next;
      const tokens = keepTokens ? [...emu.world.tokens] : [];
      clock.reset();
      emu.world = seedWorld(seed, clock.now());
      for (const [id, token] of tokens) emu.world.tokens.set(id, token);
      emu.config = initialConfig();
      faults.clear();
      stats.reset();
      emu.changed();
    },
    close() {
      runner.stop();
      saver?.flush();
    },
  };
  if (options.controls !== false) registerControls(app, emulator);
  runner.schedule();
  return emulator;
}

function internal(err: Error): ApiError {
  console.error("emulator: unexpected error", err);
  return gatewayError(500, "APIGW.0103", "The backend is unavailable.");
}

/** An injected fault's error, in the body shape of the service that owns the path. */
function injected(
  status: number,
  code: string | undefined,
  message: string | undefined,
  retryAfter: number | undefined,
  path: string,
) {
  const headers: Record<string, string> = retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : {};
  if (status === 429)
    return gatewayError(429, code ?? "APIGW.0308", message ?? "The throttling threshold has been reached.", headers);
  const text =
    message ?? (status === 503 ? "Service unavailable (injected fault)." : "Internal server error (injected fault).");
  if (/\/cloud-phone\//.test(path)) {
    return new ApiError(
      status,
      ({ requestId }) => ({ request_id: requestId, error_code: code ?? "CPS.0003", error_msg: text }),
      text,
      headers,
    );
  }
  if (/^\/v2\/[0-9a-f]{32}\/notifications\//.test(path)) {
    return smnError(code ?? "SMN.0018", text, status, headers);
  }
  if (/^\/v[12]\/(?:cloudimages|images|[0-9a-f]{32}\/(?:cloudimages|jobs))/.test(path)) {
    return new ApiError(status, () => ({ error: { message: text, code: code ?? "IMG.0500" } }), text, headers);
  }
  return gatewayError(status, code ?? "APIGW.0103", text, headers);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
