import { readFileSync } from "node:fs";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { ERRORS } from "@/lib/errors";
import { emulator } from "./fixtures";

/** A server action of the build, as its manifest names it, with a page path it can be posted to. */
export interface ManifestAction {
  id: string;
  name: string;
  file: string;
  path: string;
}

/** Every server action of `.next` (the build under test): its id, export name, file and a page to post to. */
export function manifestActions(): ManifestAction[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    file: entry.filename,
    path: pagePath(Object.keys(entry.workers)),
  }));
}

/** `app/(console)/batches/[id]/page` → `/batches/<uuid>`; static pages are preferred. */
function pagePath(workers: string[]): string {
  const pages = workers
    .filter((w) => w.endsWith("/page"))
    .map((w) =>
      w
        .replace(/^app/, "")
        .replace(/\/page$/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000"),
    )
    .sort((a, b) => Number(a.includes("0000-4000")) - Number(b.includes("0000-4000")));
  return pages[0] || "/";
}

/** A FormData argument as React's `encodeReply` sends it: fields under `_1_`, the arguments in part `0`. */
export function multipartOf(fields: Record<string, unknown>): { body: Buffer; contentType: string } {
  const boundary = "----imshare-fuzz-boundary";
  const parts: string[] = [`--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null,"$K1"]\r\n`];
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(
        `--${boundary}\r\nContent-Disposition: form-data; name="_1_${key}"\r\n\r\n${typeof v === "string" ? v : JSON.stringify(v)}\r\n`,
      );
    }
  }
  return {
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Posts an action as the browser's fetch does: `Next-Action` header, the arguments as JSON (or multipart). */
export async function postAction(
  request: APIRequestContext,
  origin: string,
  action: ManifestAction,
  body: string | Buffer,
  contentType = "text/plain;charset=UTF-8",
) {
  return request.post(action.path, {
    headers: { "Next-Action": action.id, "Content-Type": contentType, Accept: "text/x-component", Origin: origin },
    data: body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

/**
 * The action's return value from a React Flight response: rows `<id>:<json>\n`, text rows
 * `<id>:T<hex byte length>,<bytes>`; row 0 names the row of the result (`"a":"$@1"`).
 */
export function flightResult(buf: Buffer): unknown {
  const rows = new Map<string, unknown>();
  let i = 0;
  while (i < buf.length) {
    const colon = buf.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = buf.subarray(i, colon).toString();
    if (buf[colon + 1] === 0x54) {
      const comma = buf.indexOf(0x2c, colon);
      const len = parseInt(buf.subarray(colon + 2, comma).toString(), 16);
      rows.set(id, buf.subarray(comma + 1, comma + 1 + len).toString());
      i = comma + 1 + len;
      continue;
    }
    const nl = buf.indexOf(0x0a, colon);
    const end = nl < 0 ? buf.length : nl;
    try {
      rows.set(id, JSON.parse(buf.subarray(colon + 1, end).toString()));
    } catch {
      // A row with a tag (`I`, `H`, `E`…): not the result.
    }
    i = end + 1;
  }
  const root = rows.get("0") as { a?: string } | undefined;
  const ref = typeof root?.a === "string" ? root.a.replace(/^\$@/, "") : undefined;
  return ref === undefined ? undefined : rows.get(ref);
}

export const ERROR_CODES = Object.keys(ERRORS);

/**
 * What a hostile post may answer: a redirect to a page of the console (sign-in, or where a valid
 * action goes), or a well-formed refusal in the vocabulary; never a 5xx. Returns a description of
 * what was wrong, or undefined.
 */
export async function problemOf(res: APIResponse, mayAccept: boolean): Promise<string | undefined> {
  if (res.status() >= 500) return `status ${res.status()}: ${(await res.text()).slice(0, 300)}`;
  const origin = new URL(res.url()).origin;
  const onSite = (to: string) => /^\/(?!\/)/.test(to) || to.startsWith(`${origin}/`);
  const redirect = res.headers()["x-action-redirect"];
  if (redirect) return onSite(redirect) ? undefined : `redirect off the console: ${redirect}`;
  if (res.status() >= 300 && res.status() < 400)
    return onSite(res.headers().location ?? "") ? undefined : `redirect to ${res.headers().location}`;
  // Refused before Next decodes it (too large, not React's encoding): JSON in the vocabulary.
  const refused = res.status() === 400 || res.status() === 413;
  if (!refused && res.status() !== 200) return `status ${res.status()}`;
  const result = (refused ? await res.json().catch(() => undefined) : flightResult(await res.body())) as
    { ok?: boolean; error?: { code?: string; message?: string } } | undefined;
  if (!result || typeof result.ok !== "boolean") return `no action result in ${(await res.text()).slice(0, 200)}`;
  if (result.ok) return mayAccept ? undefined : "accepted";
  const { code, message } = result.error ?? {};
  if (!code || !ERROR_CODES.includes(code)) return `error code ${code} outside the vocabulary`;
  if (code === "internal") return `internal error: ${message}`;
  if (!message || message.length > 500 || /at .+\(.+:\d+:\d+\)|TypeError|ZodError/.test(message))
    return `unclear message: ${message?.slice(0, 200)}`;
  return undefined;
}

/** The cloud routes that change something (POST, PUT, DELETE, PATCH) with their counts so far. */
export async function mutations(): Promise<Record<string, number>> {
  return Object.fromEntries(
    Object.entries(await emulator.stats()).filter(([route]) => /^(POST|PUT|DELETE|PATCH) /.test(route)),
  );
}

/** The routes whose counts grew between two `mutations()` readings. */
export function grown(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((route) => after[route] > (before[route] ?? 0));
}
