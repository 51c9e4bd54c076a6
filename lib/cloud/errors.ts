/** Where a failure came from: a service of the cloud, or the console's own transport. */
export type CloudService = "iam" | "ims" | "cph" | "cts" | "cbr" | "organizations" | "smn";

/**
 * The one error every cloud call throws: HTTP status (0 when no answer came), the service's own code
 * (`IMG.0088`, `APIGW.0307`, `CPS.0030`, `IAM.401`…), the upstream request id, and `Retry-After`.
 * `message` is the cloud's text; the sentence shown to users comes from `lib/errors.ts`.
 */
export class CloudError extends Error {
  readonly name = "CloudError";

  constructor(
    readonly service: CloudService,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    // Next hands a server error's own digest to the error page, which says "timeout" in its words.
    if (status === 0 && code === "timeout") this.digest = `timeout.${Math.random().toString(36).slice(2, 10)}`;
  }

  /** `timeout.…` when no answer came in time; Next keeps it as the error page's reference. */
  readonly digest?: string;

  /**
   * The token is missing, wrong or expired: the user must sign in again. Organizations answers its own
   * refusals 401 too (`Organizations.1015` no organization, `Organizations.1002` not the management
   * account); those come with its own codes and say nothing about the token.
   */
  get isUnauthenticated(): boolean {
    return this.status === 401 && !this.code.startsWith("Organizations.");
  }

  /** The cloud refused for the rate of calls (429, `IMG.0060`, `APIGW.0308`): nothing was applied; send later. */
  get isThrottled(): boolean {
    return this.status === 429 || THROTTLING_CODES.has(this.code);
  }

  /** No usable answer: nothing came (timeout, reset) or the service failed (5xx). */
  get isUnavailable(): boolean {
    return this.status === 0 || (this.status >= 500 && !this.isThrottled);
  }

  /**
   * For a change: the cloud may have applied it even though it did not say so: no answer came, or a
   * gateway or the service failed midway (500, 502, 504). A 503 says the service did not take the request.
   * What such a change did can only be learned by reading the members.
   */
  get mayHaveApplied(): boolean {
    return this.isUnavailable && this.status !== 503;
  }
}

/** Upstream codes that mean "too many calls", whatever the HTTP status that carries them. */
const THROTTLING_CODES = new Set(["IMG.0060", "APIGW.0308"]);

/**
 * Reads every error body shape of the reference (section 1.3): IMS `{"error":{"code","message"}}`,
 * API gateway and CPH/CTS `{"error_code","error_msg"}`, Keystone `{"error":{"code":401,"title","message"}}`,
 * and Glance `{"error":{"code":"404 Not Found","title"}}`; and SMN's flat `{"request_id","code","message"}`,
 * which Huawei's Node SDK does not read (its Go SDK does).
 */
export function parseErrorBody(body: unknown): { code?: string; message?: string } {
  if (!body || typeof body !== "object") return {};
  const flat = pick(body as Record<string, unknown>);
  if (flat.code || flat.message) return flat;
  for (const value of Object.values(body)) {
    if (value && typeof value === "object") {
      const nested = pick(value as Record<string, unknown>);
      if (nested.code || nested.message) return nested;
    }
  }
  return {};
}

function pick(o: Record<string, unknown>): { code?: string; message?: string } {
  const code = o.error_code ?? o.code;
  const message = o.error_msg ?? o.message;
  return {
    code: typeof code === "string" || typeof code === "number" ? String(code) : undefined,
    message: typeof message === "string" ? message : undefined,
  };
}

/** `Retry-After` in seconds or as an HTTP date, as milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
