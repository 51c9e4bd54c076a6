import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { env } from "@/lib/env";
import { INSTANCE_ID } from "@/lib/instance";
import { reportSchemaFailure } from "./diagnostics";
import { readJsonBody } from "./body";
import { signingKeyOf, type SigningKey } from "./credential";
import { endpoint } from "./endpoints";
import { CloudError, parseErrorBody, parseRetryAfter, type CloudService } from "./errors";
import { signRequest } from "./signer";

/** Names the console and its instance in the cloud's logs. */
const USER_AGENT = `imshare/0.1 (instance ${INSTANCE_ID})`;

type Method = "GET" | "POST" | "PUT" | "DELETE";
type Query = Record<string, string | number | boolean | undefined>;

export interface CloudRequest<I extends z.ZodType | undefined, O extends z.ZodType> {
  service: CloudService;
  region: string;
  method: Method;
  path: string;
  /**
   * The user's IAM token, or a credential of `signingCredential` (an API token's entrusted access key),
   * which signs the request instead; absent only for the password sign-in.
   */
  token?: string;
  query?: Query;
  input?: I;
  body?: I extends z.ZodType ? z.input<I> : never;
  output: O;
  /** Extra request headers (IAM's `X-Subject-Token`). */
  headers?: Record<string, string>;
  /** The whole call's bound, retries and their waits included (CLOUD_TIMEOUT_MS by default). */
  timeoutMs?: number;
}

export interface CloudResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** The upstream `X-Request-Id`, kept for the audit trail. */
  requestId?: string;
}

const MAX_ATTEMPTS = 3;
const MAX_BACKOFF_MS = 4_000;

/**
 * The one function that calls the cloud: validates input and output with zod, sends a request id,
 * retries idempotent reads on 429/5xx and network failures with backoff and `Retry-After`, and turns
 * every failure into a CloudError. Sends the IAM token as `X-Auth-Token`, or signs each attempt with the
 * access key a signing credential holds (SDK-HMAC-SHA256). Never logs the token or the key. One deadline bounds the whole call, retries
 * and waits included: a cloud that hangs is answered `timeout` within `timeoutMs`, not three times it.
 */
export async function cloudRequest<I extends z.ZodType | undefined, O extends z.ZodType>(
  req: CloudRequest<I, O>,
): Promise<CloudResponse<z.output<O>>> {
  const body = req.input ? req.input.parse(req.body) : req.body;
  const url = buildUrl(endpoint(req.service, req.region), req.path, req.query);
  const headers: Record<string, string> = {
    Accept: "application/json",
    "User-Agent": USER_AGENT,
    "X-Client-Request-Id": randomUUID(),
    ...req.headers,
  };
  const signing = req.token ? signingKeyOf(req.token) : undefined;
  if (signing) Object.assign(headers, signedScope(req.service, signing));
  else if (req.token) headers["X-Auth-Token"] = req.token;
  if (body !== undefined) headers["Content-Type"] = "application/json;charset=UTF-8";
  const sent = body === undefined ? undefined : JSON.stringify(body);
  const idempotent = req.method === "GET";
  const deadline = AbortSignal.timeout(req.timeoutMs ?? env.CLOUD_TIMEOUT_MS);
  const timedOut = () => new CloudError(req.service, 0, "timeout", "The cloud did not answer in time.");

  for (let attempt = 1; ; attempt++) {
    let res: Response;
    // Signed again at each attempt: the signature holds its time, which the gateway bounds.
    const signature = signing ? signRequest(signing, { method: req.method, url, headers, body: sent }) : {};
    try {
      res = await fetch(url, {
        method: req.method,
        headers: { ...headers, ...signature },
        body: sent,
        signal: deadline,
        cache: "no-store",
      });
    } catch {
      if (deadline.aborted) throw timedOut();
      const error = new CloudError(req.service, 0, "unreachable", "The cloud could not be reached.");
      if (idempotent && attempt < MAX_ATTEMPTS) {
        await sleep(backoff(attempt), deadline);
        if (deadline.aborted) throw timedOut();
        continue;
      }
      throw error;
    }
    const requestId = res.headers.get("x-request-id") ?? undefined;
    const payload = await readJsonBody(res).catch((e: unknown) => {
      if (deadline.aborted) throw timedOut();
      throw e;
    });
    if (res.ok) {
      const parsed = req.output.safeParse(payload);
      if (!parsed.success) {
        const queryKeys = Object.keys(req.query ?? {}).filter(
          (k) => req.query?.[k] !== undefined && req.query[k] !== "",
        );
        reportSchemaFailure({
          service: req.service,
          method: req.method,
          path: req.path,
          queryKeys,
          status: res.status,
          requestId,
          issues: parsed.error.issues,
          payload,
        });
        throw new CloudError(
          req.service,
          res.status,
          "invalid_response",
          `Unexpected answer from ${req.service.toUpperCase()} ${req.method} ${req.path}.`,
          requestId,
        );
      }
      return { data: parsed.data, status: res.status, headers: res.headers, requestId };
    }
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
    const { code, message } = parseErrorBody(payload);
    const error = new CloudError(
      req.service,
      res.status,
      code ?? `HTTP.${res.status}`,
      message ?? res.statusText,
      requestId,
      retryAfterMs,
    );
    if (idempotent && attempt < MAX_ATTEMPTS && (res.status === 429 || res.status >= 500)) {
      await sleep(Math.min(retryAfterMs ?? backoff(attempt), MAX_BACKOFF_MS), deadline);
      // A wait that would outlast the deadline ends the call with the cloud's own answer.
      if (deadline.aborted) throw error;
      continue;
    }
    throw error;
  }
}

function buildUrl(base: string, path: string, query?: Query): URL {
  const url = new URL(base + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== "") url.searchParams.set(k, String(v));
  return url;
}

/** Where a signed call acts, as the SDKs say it: the account for global services (IAM, Organizations), else the project. */
function signedScope(service: CloudService, key: SigningKey): Record<string, string> {
  return service === "iam" || service === "organizations"
    ? { "X-Domain-Id": key.domainId }
    : { "X-Project-Id": key.projectId };
}

/** Exponential backoff with full jitter: up to 250 ms, 500 ms, 1 s… */
function backoff(attempt: number): number {
  return Math.random() * Math.min(MAX_BACKOFF_MS, 250 * 2 ** (attempt - 1));
}

/** Waits `ms`, or less when `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
