import type { CloudService } from "../cloud/errors";
import { readJsonBody } from "../cloud/body";
import { parseErrorBody } from "../cloud/errors";
import type { Transcript } from "./transcript";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

/** A raw answer: the status (0 when none came), headers, and the body as parsed JSON (or text). */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  /** The service's error code (`IMG.0001`, `CPS.0030`, `401`…) when the answer is an error. */
  code?: string;
  /** Why no answer came (network, timeout). */
  error?: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** Who calls, for the transcript. */
  as?: string;
}

const TIMEOUT_MS = 30_000;
const USER_AGENT = "imshare-conformance/0.1";
const KEPT_RESPONSE_HEADERS = ["content-type", "x-request-id", "x-subject-token", "x-iam-trace-id", "retry-after"];

/**
 * Plain fetch, no schema: the conformance looks at answers as the cloud sends them (a number where a
 * string was expected, a `null` where a field was omitted). Every call goes to the transcript.
 */
export class Wire {
  constructor(
    private readonly base: (service: CloudService) => string,
    readonly transcript: Transcript,
  ) {}

  async call(service: CloudService, method: Method, path: string, options: CallOptions = {}): Promise<Answer> {
    const url = new URL(this.base(service) + path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = {
      Accept: "application/json",
      "User-Agent": USER_AGENT,
      ...options.headers,
    };
    if (options.token) headers["X-Auth-Token"] = options.token;
    if (options.body !== undefined) headers["Content-Type"] = "application/json;charset=UTF-8";
    const started = Date.now();
    let answer: Answer;
    try {
      const res = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = await readJsonBody(res);
      this.transcript.secret(res.headers.get("x-subject-token"));
      answer = { status: res.status, headers: res.headers, body, code: res.ok ? undefined : parseErrorBody(body).code };
    } catch (e) {
      const cause = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
      answer = { status: 0, headers: new Headers(), body: undefined, error: cause };
    }
    this.transcript.add({
      at: new Date(started).toISOString(),
      as: options.as ?? (options.token ? "user" : "none"),
      method,
      url: url.toString(),
      requestHeaders: headers,
      ...(options.body !== undefined ? { requestBody: options.body } : {}),
      status: answer.status,
      responseHeaders: Object.fromEntries(
        KEPT_RESPONSE_HEADERS.flatMap((h) => (answer.headers.has(h) ? [[h, answer.headers.get(h) ?? ""]] : [])),
      ),
      ...(answer.body !== undefined ? { responseBody: answer.body } : {}),
      ms: Date.now() - started,
      ...(answer.error ? { error: answer.error } : {}),
    });
    return answer;
  }
}

/** A short description of an answer for a row's evidence: `403 IMG.0047`, `201`, `no answer (ECONNREFUSED)`. */
export function describe(a: Answer): string {
  if (a.status === 0) return `no answer (${a.error ?? "network error"})`;
  return a.code && a.code !== String(a.status) ? `${a.status} ${a.code}` : String(a.status);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
