/**
 * The console's HTTP API (/api/v1) as the CLI sees it: the shapes of the answers it reads, and one
 * request function. The CLI knows the console only through this wire, never through its code.
 */

export type PairAction = "add" | "remove" | "keep" | "blocked";
export type MemberStatus = "pending" | "accepted" | "rejected";

export interface PlanPair {
  image: string;
  imageName: string;
  service: "ims" | "cph";
  target: { kind: string; value: string; memberId: string };
  action: PairAction;
  memberStatus?: MemberStatus;
  reason?: string;
  verdict?: "allowed" | "reason" | "approval" | "denied";
  endsAt?: string;
}

export interface ManifestPlan {
  digest: string;
  counts: Record<PairAction, number>;
  warnings: { message: string }[];
  pairs: PlanPair[];
}

export interface ApplyResult {
  batches: { id: string; operation: string; launched: number; url: string }[];
  approvals: { id: string; pairs: number }[];
  nothing: boolean;
}

export interface DriftResult {
  drift: PlanPair[];
  checkedAt: string;
}

export interface BatchSummary {
  id: string;
  status: string;
  statusMessage?: string | null;
  counts: { launched: number; done: number; succeeded: number; failed: number; cancelled: number };
}

export interface Me {
  userName: string;
  accountName: string;
  projectId: string;
  projectName: string;
  region: string;
  token: { name: string; access: "read" | "write"; expiresAt: string };
}

/** The API refused: its status, its error code and its sentence (in the language the CLI asked for). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** No answer at all: nothing listens at the URL, the name does not resolve, or the console took too long. */
export class UnreachableError extends Error {
  constructor(readonly detail: string) {
    super(`no answer: ${detail}`);
  }
}

export interface Client {
  url: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

/** A plan of a large project reads every image's members: give the console time before calling it gone. */
const TIMEOUT_MS = 180_000;

/**
 * The one way the CLI calls the console: the token as a bearer, the reader's language, JSON both ways,
 * and every failure turned into an `ApiError` or an `UnreachableError`, so the commands print one thing.
 */
export function createClient(options: { url: string; token: string; language: string }): Client {
  const base = options.url.replace(/\/+$/, "");
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: "application/json",
          "accept-language": options.language,
          ...(body !== undefined && { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw new UnreachableError(failureOf(e));
    }
    const text = await response.text();
    const json = parseJson(text);
    if (!response.ok) {
      const error = isRecord(json) && isRecord(json.error) ? json.error : undefined;
      if (error && typeof error.message === "string")
        throw new ApiError(response.status, String(error.code ?? "error"), error.message, fieldErrorsOf(error));
      throw new ApiError(response.status, "not_the_api", `${base}${path} answered HTTP ${response.status}.`);
    }
    if (!isRecord(json) || !("data" in json))
      throw new ApiError(response.status, "not_the_api", `${base}${path} did not answer as the Imshare API.`);
    return json.data as T;
  }
  return {
    url: base,
    get: (path) => request("GET", path),
    post: (path, body) => request("POST", path, body),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fieldErrorsOf(error: Record<string, unknown>): Record<string, string[]> {
  if (!isRecord(error.fieldErrors)) return {};
  return Object.fromEntries(
    Object.entries(error.fieldErrors).map(([field, v]) => [field, Array.isArray(v) ? v.map(String) : [String(v)]]),
  );
}

/** What went wrong on the way, in a few words: fetch hides the system's code in `cause`. */
function failureOf(e: unknown): string {
  if (e instanceof DOMException && e.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return cause.message;
  return e instanceof Error ? e.message : String(e);
}
