import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { JOB_SPEEDS, type ConfigPatch, type Reading } from "@/emulator/core/config";
import { createEmulator } from "@/emulator/server";
import { wrapEmulator, type TestEmulator } from "@/emulator/testing";

/** Both readings of every disputed row of cloud-api.md section 14, for `describe.each(READINGS)`. */
export const READINGS: Reading[] = ["A", "B"];

let current: TestEmulator | undefined;
let server: Promise<ServerType> | undefined;

/**
 * For tests of the console's client code: an emulator playing every disputed row as `reading`
 * (`createEmulator({config: {disputed: reading}})`, instant jobs) for the duration of the calling
 * `describe`. The console reads `CLOUD_ENDPOINT` once (`lib/env`) and keeps connections alive, so a
 * test file has one loopback server (unref'd, it ends with the file's worker) and each block swaps
 * the emulator behind it. Call it before importing the console's modules.
 */
export function emulatorPlaying(reading: Reading, config: ConfigPatch = {}): () => TestEmulator {
  beforeAll(async () => {
    current = wrapEmulator(
      createEmulator({ seed: "demo", config: { jobTiming: JOB_SPEEDS.instant, ...config, disputed: reading } }),
    );
    server ??= listen();
    process.env.CLOUD_ENDPOINT = `http://127.0.0.1:${((await server).address() as AddressInfo).port}`;
  });
  afterAll(() => {
    current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("emulatorPlaying: no emulator outside its describe block");
    return current;
  };
}

function listen(): Promise<ServerType> {
  return new Promise((resolve) => {
    const s = serve(
      {
        fetch: (req) => (current ? current.app.fetch(req) : new Response("no emulator", { status: 503 })),
        port: 0,
        hostname: "127.0.0.1",
      },
      () => {
        s.unref();
        resolve(s);
      },
    );
  });
}
