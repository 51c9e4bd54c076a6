import { CloudError } from "@/lib/cloud/errors";

/**
 * The console's closed error vocabulary: each code has an HTTP status and one sentence a user can
 * act on. Upstream codes (IMG.0088, APIGW.0307…) are kept beside it as a reference.
 */
export const ERRORS = {
  invalid_input: [400, "Some fields need attention. Correct them and try again."],
  invalid_credentials: [401, "The account name, user name or password is wrong. Check them and try again."],
  invalid_token: [401, "That token is not valid or has expired. Get a new token and try again."],
  unknown_project: [
    400,
    "That project does not exist in this account, or your user cannot access it. Pick another project.",
  ],
  token_not_rescoped: [
    403,
    "IAM would not move this token to the project you chose. Leave the project empty to sign in to the token's own project, or sign in with your IAM user and password.",
  ],
  password_needed: [403, "IAM would not move this session to that project. Enter your password to switch."],
  session_expired: [401, "Your session has ended. Sign in again to continue."],
  forbidden: [403, "Your IAM user is not allowed to do this. Ask an account administrator for the permission."],
  not_found: [404, "That resource no longer exists or is not visible to this project. Refresh the page."],
  conflict: [409, "Someone changed this at the same time. Refresh the page and try again."],
  quota_exceeded: [400, "The member quota of this image is used up. Remove a member first."],
  not_shareable: [400, "This image cannot be shared. The reason is shown on the image."],
  rate_limited: [429, "Huawei Cloud is throttling requests. Wait a few seconds and try again."],
  iam_unreachable: [
    503,
    "The identity service (IAM) could not be reached. Check the endpoint setting or try again in a minute.",
  ],
  invalid_response: [
    502,
    "Huawei Cloud answered in a form the console does not understand. Try again; if it keeps happening, report it with the reference shown.",
  ],
  upstream_unavailable: [503, "Huawei Cloud is not answering right now. Try again in a minute."],
  timeout: [504, "Huawei Cloud did not answer in time. Try again; if it keeps happening, check the service status."],
  internal: [
    500,
    "Something went wrong in the console. Try again; if it keeps happening, report it with the reference shown.",
  ],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * A sentence as a catalogue key and its values: lib/i18n/text.ts's `Text`, written again because
 * lib/i18n imports this module.
 */
interface Text {
  key: string;
  values?: Record<string, string | number>;
}

/** What an action or route returns for a failure. */
export interface AppError {
  code: ErrorCode;
  message: string;
  /** The cloud's own code, for reference (`IMG.0088`). */
  upstreamCode?: string;
  upstreamRequestId?: string;
  /**
   * The sentence as a catalogue key and its values, when the code that refused wrote it: `localizeError`
   * says it in the request's language (`message` holds it in English once the wrapper has said it).
   */
  text?: Text;
  /** Per field, sentences; an entry that is a catalogue key (a schema's, or `text`'s) is said in the request's language. */
  fieldErrors?: Record<string, string[]>;
}

export function appError(code: ErrorCode, message?: string): AppError {
  return { code, message: message ?? ERRORS[code][1] };
}

/** What a user is told when a change got no answer: it may have been applied, so no blind retry. */
export const ANSWER_LOST =
  "Huawei Cloud did not answer, so this change may or may not have been applied. Imshare reads the members and records the real outcome in History within a few minutes; check there before trying again.";

/** The general refusal of a change to a read-only user (`defineAction`). */
export const READ_ONLY = "Your user is read-only: it can look at this project but not change anything in it.";

/** The start of an `invalid_input` the cloud explained itself, followed by the cloud's own words. */
export const REFUSED = "Huawei Cloud refused the request: ";

/**
 * Sentences for the upstream codes worth a specific explanation (reference section 8). Each code has a
 * message in the "errors" catalogue (`upstream.IMG_0026`), English the same sentence.
 */
export const UPSTREAM: Record<string, [ErrorCode, string?]> = {
  "IMG.0026": [
    "forbidden",
    "Your IAM user may read images but not share them. Ask an administrator for ims:images:share.",
  ],
  "IMG.0088": ["quota_exceeded"],
  "IMG.0089": ["not_shareable", "Public images cannot be shared."],
  "IMG.0083": ["not_shareable", "Public images cannot be shared."],
  "IMG.0098": ["not_shareable", "Encrypted images cannot be shared."],
  "IMG.0135": ["not_shareable", "Only full-ECS images created from a CBR backup can be shared."],
  "IMG.0105": ["not_shareable", "This image cannot be shared in this region."],
  "IMG.0046": ["not_shareable", "The image is not active yet. Wait until it is active."],
  "IMG.0047": ["forbidden", "Only the image's owner project can change its members."],
  "IMG.0076": ["invalid_input", "You cannot share an image with your own project."],
  "IMG.0108": [
    "invalid_input",
    "Huawei Cloud found no such project or account in this region. Check the id, its region, and that a project id was not given as an account id or the other way round.",
  ],
  "IMG.0177": ["invalid_input", "That project is in another region. Images can only be shared within a region."],
  "IMG.0027": ["not_found", "That image no longer exists or is not visible to this project."],
  "IMG.0030": ["session_expired"],
  "IMG.0184": ["invalid_input", "Choose a server-backup vault of this project to accept this full-ECS image."],
  "IMG.0188": ["invalid_input", "The chosen vault is not available (frozen or locked). Choose another vault."],
  "IMG.0193": ["invalid_input", "The chosen vault is not a server-backup vault. Choose a server-backup vault."],
  "IMG.0182": ["invalid_input", "The chosen vault does not have enough free capacity. Expand it or choose another."],
  "APIGW.0307": ["session_expired"],
  "APIGW.0301": ["session_expired"],
  "APIGW.0302": ["forbidden"],
  "APIGW.0308": ["rate_limited"],
};

/** The sentence for an upstream code the console knows (`IMG.0088`), else undefined. */
export function upstreamSentence(code: string | null | undefined): string | undefined {
  const known = code ? UPSTREAM[code] : undefined;
  return known ? (known[1] ?? ERRORS[known[0]][1]) : undefined;
}

/**
 * Thrown by actions and routes to refuse with a specific, user-facing error: an `AppError`, or a code
 * and its own sentence as a catalogue key (`new UserError("not_found", text("errors.said.batchNotFound"))`),
 * said in the request's language by `localizeError`; `field` puts the same sentence on that field.
 */
export class UserError extends Error {
  readonly error: AppError;

  constructor(error: AppError | ErrorCode, sentence?: Text, field?: string) {
    const e: AppError =
      typeof error !== "string"
        ? error
        : sentence
          ? {
              code: error,
              message: sentence.key,
              text: sentence,
              ...(field && { fieldErrors: { [field]: [sentence.key] } }),
            }
          : appError(error);
    super(e.message);
    this.error = e;
  }
}

/** Maps any failure to the vocabulary; unknown errors become `internal` (never raw stack text). */
export function toAppError(e: unknown): AppError {
  if (e instanceof UserError) return e.error;
  if (!(e instanceof CloudError)) return appError("internal");
  const ref = { upstreamCode: e.code, upstreamRequestId: e.requestId };
  if (e.code === "invalid_response") {
    // The request id is the reference that finds the answer in the log line of `lib/cloud/diagnostics.ts`.
    const message = e.requestId ? `${ERRORS.invalid_response[1]} Reference: ${e.requestId}.` : undefined;
    return { ...appError("invalid_response", message), upstreamRequestId: e.requestId };
  }
  const known = UPSTREAM[e.code];
  if (known) return { ...appError(known[0], known[1]), ...ref };
  const code = codeFor(e);
  const message = code === "invalid_input" && e.message ? `${REFUSED}${e.message}` : undefined;
  return { ...appError(code, message), ...ref };
}

function codeFor(e: CloudError): ErrorCode {
  if (e.status === 0) {
    if (e.code === "timeout") return "timeout";
    return e.service === "iam" ? "iam_unreachable" : "upstream_unavailable";
  }
  if (e.isThrottled) return "rate_limited";
  // CPH answers a duplicate share 409 on some deployments and 400 on others (D8): the same refusal either way.
  if (e.service === "cph" && e.status === 409) return "invalid_input";
  // SMN's table answers a bad subject or message 403: the input is refused, not the user.
  if (e.service === "smn" && (e.code === "SMN.0008" || e.code === "SMN.0009")) return "invalid_input";
  // A 401 that is not about the token (Organizations' own refusals) is a refusal, not an ended session.
  if (e.status === 401 && !e.isUnauthenticated) return "forbidden";
  const byStatus: Partial<Record<number, ErrorCode>> = {
    401: "session_expired",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    429: "rate_limited",
  };
  return byStatus[e.status] ?? (e.status >= 500 ? "upstream_unavailable" : "invalid_input");
}
