import type { SignedIn } from "./iam";
import { nullPaths } from "./nulls";
import { readingA, readingB, unclear, type Finding } from "./rows";
import { describe, isObject, type Wire } from "./wire";

const WEEK_MS = 7 * 24 * 3600 * 1000;
/** CTS's largest page (reference 10.1). */
const LIMIT = 200;

/**
 * D1: system traces of the last 7 days. Reading A: `code`, `request`, `response` strings and absent
 * fields omitted; reading B: `code` a number, `request`/`response` JSON objects, absent fields `null`.
 */
export async function probeTraceTypes(wire: Wire, s: SignedIn, now = Date.now()): Promise<Finding> {
  const answer = await wire.call("cts", "GET", `/v3/${s.projectId}/traces`, {
    token: s.token,
    // A minute inside the window: CTS refuses a `from` older than its 7 days.
    query: { trace_type: "system", limit: LIMIT, from: now - WEEK_MS + 60_000, to: now },
  });
  if (answer.status !== 200) return unclear("D1", `the trace list answered ${describe(answer)}`);
  const traces = isObject(answer.body) && Array.isArray(answer.body.traces) ? answer.body.traces.filter(isObject) : [];
  if (traces.length === 0) return unclear("D1", "no system trace in the last 7 days to look at");

  const kinds = (field: string) =>
    new Set(traces.filter((t) => field in t && t[field] !== null).map((t) => kindOf(t[field])));
  const code = kinds("code");
  const bodies = new Set([...kinds("request"), ...kinds("response")]);
  const nulls = new Set(traces.flatMap((t) => nullPaths(t)));
  const votes: ("A" | "B")[] = [];
  if (code.size === 1) votes.push(code.has("string") ? "A" : "B");
  if (bodies.size === 1 && (bodies.has("string") || bodies.has("object"))) votes.push(bodies.has("string") ? "A" : "B");

  const said = [
    code.size ? `code is ${[...code].map(article).join(" or ")}` : "no trace has a code",
    bodies.size
      ? `request/response are ${[...bodies].map((k) => `${k}s`).join(" or ")}`
      : "no trace has a request or response",
    nulls.size ? `null fields: ${[...nulls].slice(0, 3).join(", ")}${nulls.size > 3 ? "…" : ""}` : "no null field",
  ];
  const evidence = `${said.join(", ")} in ${traces.length} trace${traces.length === 1 ? "" : "s"}`;
  if (votes.length > 0 && votes.every((v) => v === "B")) return readingB("D1", evidence);
  if (votes.length > 0 && votes.every((v) => v === "A") && nulls.size === 0) return readingA("D1", evidence);
  return unclear("D1", evidence);
}

function kindOf(v: unknown): string {
  return Array.isArray(v) ? "array" : typeof v;
}

function article(kind: string): string {
  return kind === "object" || kind === "array" ? `an ${kind}` : `a ${kind}`;
}
