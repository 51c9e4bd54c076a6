import { serve, type ServerType } from "@hono/node-server";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { JOB_SPEEDS, type ConfigPatch } from "@/emulator/core/config";
import { createEmulator, type Emulator } from "@/emulator/server";
import { main } from "./cli";

export const IMAGE = "1b7f0000-0000-4000-8000-000000000001";
export const GLOBEX_AP = "610be0000000000000000000000000a1";

/** alice in acme ap-southeast-1; `full` adds the sandbox image, globex's project and bob as recipient. */
export function aliceEnv(url: string, full = true): Record<string, string> {
  return {
    CLOUD_ENDPOINT: url,
    CONFORMANCE_REGION: "ap-southeast-1",
    CONFORMANCE_ACCOUNT: "acme",
    CONFORMANCE_USER: "alice",
    CONFORMANCE_PASSWORD: "alice-demo-2026",
    CONFORMANCE_PROJECT: "ap-southeast-1",
    ...(full
      ? {
          CONFORMANCE_IMAGE_ID: IMAGE,
          CONFORMANCE_MEMBER_PROJECT_ID: GLOBEX_AP,
          CONFORMANCE_RECIPIENT_ACCOUNT: "globex",
          CONFORMANCE_RECIPIENT_USER: "bob",
          CONFORMANCE_RECIPIENT_PASSWORD: "bob-demo-2026",
        }
      : {}),
  };
}

export interface Served {
  emulator: Emulator;
  url: string;
  close(): Promise<void>;
}

/** The emulator over HTTP on a free loopback port (the conformance talks to it with plain fetch). */
export async function serveEmulator(config: ConfigPatch = {}): Promise<Served> {
  const emulator = createEmulator({ config: { jobTiming: JOB_SPEEDS.demo, ...config } });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: emulator.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    emulator,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        emulator.close();
        server.close(() => resolve());
      }),
  };
}

export interface Run {
  code: number;
  out: string[];
  err: string[];
  transcriptPath: string;
  transcript: string;
}

/** Runs `npm run conformance` in-process with a transcript in a fresh directory. */
export async function runConformanceCli(env: Record<string, string>): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "conformance-"));
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    env,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { cwd: dir, wait: { timeoutMs: 10_000, pollMs: 50 } },
  );
  const summary = out.at(-1) ?? err.at(-1) ?? "";
  const transcriptPath = /transcript: (.+)$/.exec(summary)?.[1] ?? "";
  return { code, out, err, transcriptPath, transcript: transcriptPath ? readFileSync(transcriptPath, "utf8") : "" };
}

/** The reading each row line names, by row id. */
export function verdicts(lines: string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const line of lines) {
    const m = /^(D\d) [a-z-]+: (reading A|reading B|not tried|unclear) \(.+\)$/.exec(line);
    if (m) found[m[1]] = m[2];
  }
  return found;
}
