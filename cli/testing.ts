import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import type { ManifestPlan, PlanPair } from "./api";
import { main } from "./main";

/** A token of the contract's shape, for tests that check it never shows. */
export const TOKEN = `imsh_${"Ab3".repeat(13)}x`;

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type Answer = { status?: number; body: unknown };

/**
 * A console that answers the API's JSON from `routes` ("POST /api/v1/manifest/plan": a function of the
 * request), records every request, and answers anything else 404 as the API does.
 */
export async function fakeConsole(routes: Record<string, (request: Received) => Answer>) {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    const request = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    received.push(request);
    const route = routes[`${request.method} ${request.path}`];
    const answer = route
      ? route(request)
      : { status: 404, body: { error: { code: "not_found", message: "No such route." } } };
    res.writeHead(answer.status ?? 200, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** How many times the run waited between two reads of a batch. */
  sleeps: number;
}

/**
 * Runs the real `main` with a fake terminal: the token and URL in the environment unless `env` says
 * otherwise, standard input a terminal only when `tty`, and no waiting between polls.
 */
export async function runCli(
  argv: string[],
  options: { url?: string; env?: Record<string, string | undefined>; tty?: boolean; input?: string; cwd?: string } = {},
): Promise<CliRun> {
  const out = { stdout: "", stderr: "", sleeps: 0 };
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  stdin.end(options.input ?? "");
  const code = await main(argv, {
    env: { IMSHARE_TOKEN: TOKEN, IMSHARE_URL: options.url, ...options.env },
    cwd: options.cwd ?? process.cwd(),
    stdin,
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    sleep: async () => void out.sleeps++,
  });
  return { code, ...out };
}

/** A pair of a plan, with the fields a test does not care about filled in. */
export function pair(action: PlanPair["action"], over: Partial<PlanPair> = {}): PlanPair {
  const value = "610be0000000000000000000000000a1";
  return {
    image: "1b7f0000-0000-4000-8000-000000000001",
    imageName: "ubuntu-22.04-web",
    service: "ims",
    target: { kind: "project", value, memberId: value },
    action,
    ...over,
  };
}

/** A plan of these pairs, counted as the console counts them. */
export function planOf(pairs: PlanPair[], warnings: string[] = []): ManifestPlan {
  const count = (action: PlanPair["action"]) => pairs.filter((p) => p.action === action).length;
  return {
    digest: "sha256:plan-digest",
    counts: { add: count("add"), remove: count("remove"), keep: count("keep"), blocked: count("blocked") },
    warnings: warnings.map((message) => ({ message })),
    pairs,
  };
}
