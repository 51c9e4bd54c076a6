/**
 * The shape of a server action request, checked before Next decodes it: Next answers a body over its
 * limit, or one that is not React's encoding (bad JSON, a `$` reference to a part that was never
 * sent), with a 500 and a stack in the log. The console answers those with a 4xx and a sentence.
 */

/** Next's default `serverActions.bodySizeLimit` (1 MB). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/** `$`-strings React's reply encoding uses for plain values; any other `$`-string names a part. */
const VALUE_TAG = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|T$|D|n-?\d+$)/;

function plain(value: unknown, parts: Set<string>): boolean {
  if (typeof value === "string") {
    if (!value.startsWith("$") || VALUE_TAG.test(value)) return true;
    // A FormData argument: `$K<hex id>`, whose fields were sent as `_<id>_name`.
    const form = /^\$K([0-9a-f]+)$/.exec(value);
    return form !== null && parts.has(String(parseInt(form[1], 16)));
  }
  if (Array.isArray(value)) return value.every((v) => plain(v, parts));
  if (value && typeof value === "object") return Object.values(value).every((v) => plain(v, parts));
  return true;
}

/** Whether `text` is React's encoding of an argument list of plain values (and FormData parts sent beside it). */
export function isPlainReply(text: string, parts: Set<string> = new Set()): boolean {
  try {
    const args: unknown = JSON.parse(text);
    return Array.isArray(args) && plain(args, parts);
  } catch {
    // Not JSON, or nested deeper than the stack.
    return false;
  }
}

/** What is wrong with a body, and the key of its sentence in the "errors.proxy" catalogue. */
export type ActionBodyProblem = { status: 400 | 413; key: "tooLarge" | "malformed" } | undefined;

const TOO_LARGE = { status: 413, key: "tooLarge" } as const;
const MALFORMED = { status: 400, key: "malformed" } as const;

/** What is wrong with a server action request's body, if anything: too large, or not React's encoding. */
export async function actionBodyProblem(request: Request): Promise<ActionBodyProblem> {
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) return TOO_LARGE;
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => undefined);
    if (!form) return MALFORMED;
    const args = form.get("0");
    // Without part 0 it is a form posted without JavaScript: Next reads its fields as they are.
    if (typeof args !== "string") return undefined;
    const parts = new Set([...form.keys()].flatMap((k) => /^_(\d+)_/.exec(k)?.[1] ?? []));
    return isPlainReply(args, parts) ? undefined : MALFORMED;
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).length > ACTION_BODY_LIMIT) return TOO_LARGE;
  return isPlainReply(text) ? undefined : MALFORMED;
}
