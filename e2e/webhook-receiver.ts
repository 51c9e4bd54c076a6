import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "../lib/notify/signature";

/** One request the receiver took, as it came and as it was answered. */
export interface ReceivedRequest {
  /** When it arrived, ms since the epoch. */
  at: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** The body parsed, or undefined when it is not JSON. */
  json: unknown;
  /** Whether the imshare-signature checks out with the receiver's secret; null when it has none. */
  signatureValid: boolean | null;
  /** The status the receiver answered with. */
  answered: number;
}

export interface WebhookReceiver {
  /** Where to point a webhook target (http, on 127.0.0.1). */
  url: string;
  requests: ReceivedRequest[];
  /** The next `n` requests are answered `status` (500 by default), to drive retries. */
  failNext(n: number, status?: number): void;
  /** Resolves once `pred` holds for the requests so far; checked again on every request, never on a timer. */
  waitFor(pred: (r: ReceivedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface Waiter {
  pred: (r: ReceivedRequest[]) => boolean;
  resolve: () => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

const flatten = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(", ") : v]])),
  );

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * A webhook endpoint for end-to-end tests and benches: records every request, checks the generic
 * preset's signature when given the secret, and fails on demand. Plain node:http, so Playwright specs and
 * bench scripts can both start it. Answers `{"ok":true}` (which every preset reads as delivered).
 */
export async function startWebhookReceiver(opts: { secret?: string; port?: number } = {}): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const failures: number[] = [];
  let waiters: Waiter[] = [];

  const settle = () => {
    waiters = waiters.filter((w) => {
      let held: boolean;
      try {
        held = w.pred(requests);
      } catch (e) {
        clearTimeout(w.timer);
        w.reject(e instanceof Error ? e : new Error(String(e)));
        return false;
      }
      if (held) {
        clearTimeout(w.timer);
        w.resolve();
      }
      return !held;
    });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = flatten(req.headers);
      const answered = failures.shift() ?? 200;
      requests.push({
        at: Date.now(),
        headers,
        body,
        json: parse(body),
        signatureValid: opts.secret === undefined ? null : verifySignature(opts.secret, headers, body),
        answered,
      });
      res.writeHead(answered, { "content-type": "application/json" });
      res.end(JSON.stringify(answered < 300 ? { ok: true } : { ok: false, error: `failing on purpose (${answered})` }));
      settle();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhook`,
    requests,
    failNext(n, status = 500) {
      for (let i = 0; i < n; i++) failures.push(status);
    },
    waitFor(pred, timeoutMs = 10_000) {
      if (pred(requests)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          pred,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters = waiters.filter((w) => w !== waiter);
            reject(
              new Error(`webhook receiver: condition not met within ${timeoutMs} ms (${requests.length} requests)`),
            );
          }, timeoutMs),
        };
        waiters.push(waiter);
      });
    },
    close() {
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error("webhook receiver closed"));
      }
      waiters = [];
      return new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
