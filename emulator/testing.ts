import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { JOB_SPEEDS, type ConfigPatch } from "./core/config";
import { DEMO_PASSWORDS } from "./seed/demo";
import { signLikeSdk, type SdkKey } from "./sdk-signer";
import { createEmulator, type Emulator, type SeedName } from "./server";

export type DemoUser = keyof typeof DEMO_PASSWORDS;

const ACCOUNTS: Record<DemoUser, string> = {
  alice: "acme",
  audrey: "acme",
  arthur: "acme",
  bob: "globex",
  carol: "initech",
  dave: "umbrella",
};

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Sign the request with an AK/SK pair as Huawei's SDKs do (at the emulator's clock unless `date`). */
  sign?: SdkKey & { date?: number };
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestEmulator extends Emulator {
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<TestResponse<T>>;
  /** A token for a demo user, scoped to a region project of the user's account. */
  login(user: DemoUser, project?: string): Promise<string>;
}

/** An in-process emulator for unit tests: instant jobs unless the config says otherwise. */
export function testEmulator(config: ConfigPatch = {}, seed: SeedName = "demo"): TestEmulator {
  return wrapEmulator(
    createEmulator({ seed, publicUrl: "http://emulator.test", config: { jobTiming: JOB_SPEEDS.instant, ...config } }),
  );
}

/** Adds `call` and `login` to an emulator made some other way (for example with a state file). */
export function wrapEmulator(emulator: Emulator): TestEmulator {
  async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers["X-Auth-Token"] = options.token;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["Content-Type"] ??= "application/json;charset=UTF-8";
    }
    if (options.sign) {
      const { date = emulator.emu.clock.now(), ...key } = options.sign;
      Object.assign(headers, signLikeSdk(key, { method, path, headers, body, date }));
    }
    const res = await emulator.app.request(path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  async function login(user: DemoUser, project = "ap-southeast-1"): Promise<string> {
    const res = await call("POST", "/v3/auth/tokens", {
      body: {
        auth: {
          identity: {
            methods: ["password"],
            password: { user: { name: user, password: DEMO_PASSWORDS[user], domain: { name: ACCOUNTS[user] } } },
          },
          scope: { project: { name: project, domain: { name: ACCOUNTS[user] } } },
        },
      },
    });
    const token = res.headers.get("x-subject-token");
    if (res.status !== 201 || !token)
      throw new Error(`login ${user} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return token;
  }

  return Object.assign(emulator, { call, login });
}

/**
 * Serves an emulator on a free loopback port and points the console's `CLOUD_ENDPOINT` at it, for
 * tests of the console's own client code (set it before the console's modules are imported).
 */
export async function serveForConsole(emulator: Emulator): Promise<ServerType> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: emulator.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  process.env.CLOUD_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return server;
}
