import type { z } from "zod";
import type { CloudService } from "./errors";

/** What the server log needs to tell which field of which answer broke the schema, and nothing it must not hold. */
export interface SchemaFailure {
  service: CloudService;
  method: string;
  /** The path as called: ids are kept, it never holds a token. */
  path: string;
  /** Only the keys are logged, never the values. */
  queryKeys: string[];
  status: number;
  requestId?: string;
  issues: readonly z.core.$ZodIssue[];
  payload: unknown;
}

const MAX_KEYS = 1_000;
const seen = new Set<string>();

/**
 * Logs one line per distinct problem (service, method, path template and the fields at fault): which
 * field, what the schema expected and the JSON type it got. Values are never logged: an answer may
 * hold names, ids of other tenants or tokens.
 */
export function reportSchemaFailure(f: SchemaFailure): void {
  const fields = describeIssues(f.issues, f.payload);
  const key = [f.service, f.method, pathTemplate(f.path), ...fields.map((x) => x.path)].join(" ");
  if (seen.has(key)) return;
  if (seen.size >= MAX_KEYS) seen.clear();
  seen.add(key);
  const query = f.queryKeys.length ? `?${[...f.queryKeys].sort().join("&")}` : "";
  const what = fields.map((x) => `${x.path || "(body)"}: expected ${x.expected}, received ${x.received}`).join("; ");
  console.warn(
    `cloud answer failed its schema: ${f.service.toUpperCase()} ${f.method} ${f.path}${query} HTTP ${f.status} request ${f.requestId ?? "-"}: ${what}`,
  );
}

/** `/v1/ac0e…a1/cloudimages/1b7f…01/members` → `/v1/{id}/cloudimages/{id}/members`: segments with digits are ids, API versions excepted. */
export function pathTemplate(path: string): string {
  return path
    .split("/")
    .map((s) => (/\d/.test(s) && !/^v\d+(\.\d+)?$/.test(s) ? "{id}" : s))
    .join("/");
}

interface FieldProblem {
  path: string;
  expected: string;
  received: string;
}

/** One entry per field at fault, array indices folded (`members.*.status`), so a bad column is one problem, not one per row. */
function describeIssues(issues: readonly z.core.$ZodIssue[], payload: unknown): FieldProblem[] {
  const out = new Map<string, FieldProblem>();
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === "number" ? "*" : String(p))).join(".");
    if (out.has(path)) continue;
    out.set(path, { path, expected: expectedOf(issue), received: typeOf(at(payload, issue.path)) });
  }
  return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected;
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join("|")}`;
    case "invalid_union": {
      const branches = issue.errors.map((b) => (b[0] ? expectedOf(b[0]) : "?"));
      return [...new Set(branches)].join(" or ");
    }
    case "too_small":
    case "too_big":
      return `${issue.origin} ${issue.code === "too_small" ? "of at least" : "of at most"} ${String(issue.code === "too_small" ? issue.minimum : issue.maximum)}`;
    case "invalid_format":
      return `${issue.format} format`;
    default:
      return issue.code;
  }
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (v === undefined) return "nothing";
  return typeof v;
}
