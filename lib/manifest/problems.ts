import { isAlias, isCollection, isMap, isScalar, type Document, type LineCounter, type Node } from "yaml";
import type { z } from "zod";
import type { TextValues } from "@/lib/i18n/text";
import type { ProblemKind } from "./schema";

/**
 * What is wrong where in a manifest: each schema issue placed on the YAML node it concerns, so that the
 * sentence names the line and column a person opens their editor at, and the path within the file.
 */

export interface Problem {
  kind: ProblemKind;
  line: number;
  column: number;
  /** `images[2].targets[0].project`; `$` for the file itself. */
  path: string;
  values?: TextValues;
}

type Path = readonly PropertyKey[];

/** The keys each level of the format knows, for the hint after an unknown key. */
const KNOWN: Record<"top" | "entry" | "target", string[]> = {
  top: ["version", "region", "project", "owns", "images"],
  entry: ["id", "name", "tag", "service", "targets", "endsAt"],
  target: ["project", "account", "organization", "endsAt"],
};

/** Mistakes a distance cannot find: what people write for a key of the format, by level. */
const ALIASES: Record<"top" | "entry" | "target", Record<string, string>> = {
  top: { entries: "images", image: "images", own: "owns", owner: "owns" },
  entry: {
    projects: "targets",
    project: "targets",
    accounts: "targets",
    account: "targets",
    members: "targets",
    ids: "id",
    image: "id",
    names: "name",
    tags: "tag",
    until: "endsAt",
    expires: "endsAt",
  },
  target: { organisation: "organization", org: "organization", ou: "organization", until: "endsAt", expires: "endsAt" },
};

const levelOf = (path: Path): keyof typeof KNOWN =>
  path.length === 0 ? "top" : path.length === 2 && path[0] === "images" ? "entry" : "target";

/** Edits (insert, delete, replace) from one word to another: small words, small cost. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** The key an unknown key most likely meant at this level of the file, or "none". */
function hintFor(key: string, path: Path): string {
  const level = levelOf(path);
  const alias = ALIASES[level][key] ?? ALIASES[level][key.toLowerCase()];
  if (alias) return alias;
  let best = { key: "none", cost: 3 };
  for (const known of KNOWN[level]) {
    const cost = distance(key.toLowerCase(), known.toLowerCase());
    if (cost < best.cost) best = { key: known, cost };
  }
  return best.key;
}

/** `images[2].targets[0].project`, as a person reads a place in the file. */
function pathText(path: Path): string {
  if (path.length === 0) return "$";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

/** The node at a path, or the deepest one on the way there (through aliases). */
function nodeAt(doc: Document, path: Path): Node | undefined {
  let node = doc.contents as Node | null;
  if (!node) return undefined;
  for (const key of path) {
    const here: Node = isAlias(node) ? (node.resolve(doc) ?? node) : node;
    const next: unknown = isCollection(here) ? here.get(key, true) : undefined;
    if (!next || (!isScalar(next) && !isCollection(next) && !isAlias(next))) return here;
    node = next;
  }
  return node;
}

/** The key node of `key` in the map at a path, to point at an unknown key rather than its map. */
function keyNodeAt(doc: Document, path: Path, key: string): Node | undefined {
  const map = nodeAt(doc, path);
  if (!isMap(map)) return map;
  const pair = map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
  return (pair?.key as Node | undefined) ?? map;
}

/** Line and column (both from 1) of an offset. */
export function position(lines: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function at(lines: LineCounter, node: Node | undefined): { line: number; column: number } {
  return position(lines, node?.range?.[0] ?? 0);
}

/** Whether the data lacks the last key of a path in an object that is there. */
function missing(data: unknown, path: Path): boolean {
  let value = data;
  for (const key of path.slice(0, -1)) {
    if (typeof value !== "object" || value === null) return false;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  const last = path[path.length - 1];
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(last in value);
}

const PREFIX = "manifest.problems.";
const BY_TYPE: Record<string, ProblemKind> = { object: "notAMap", array: "notAList", string: "notText" };

/** The problems one schema issue stands for, each placed in the file. */
export function problemsOf(issue: z.core.$ZodIssue, doc: Document, lines: LineCounter, data: unknown): Problem[] {
  const path = issue.path;
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((key) => ({
      kind: "unknownKey",
      ...at(lines, keyNodeAt(doc, path, key)),
      path: pathText([...path, key]),
      values: { key, hint: hintFor(key, path) },
    }));
  if (path.length > 0 && missing(data, path)) {
    const parent = path.slice(0, -1);
    return [
      {
        kind: "required",
        ...at(lines, nodeAt(doc, parent)),
        path: pathText(parent),
        values: { key: String(path[path.length - 1]) },
      },
    ];
  }
  const place = { ...at(lines, nodeAt(doc, path)), path: pathText(path) };
  if (issue.message.startsWith(PREFIX)) {
    const kind = issue.message.slice(PREFIX.length) as ProblemKind;
    const values: TextValues =
      kind === "notAnOrgUrn"
        ? { format: "organizations::<account>:ou:o-…/ou-…" }
        : issue.code === "too_big"
          ? { maximum: Number(issue.maximum) }
          : {};
    return [{ kind, ...place, values }];
  }
  const kind = issue.code === "invalid_type" ? (BY_TYPE[issue.expected] ?? "invalid") : "invalid";
  return [{ kind, ...place }];
}

/**
 * Drops what follows from a typo: "targets is missing" where the map has `target:`, "exactly one of
 * project, account or organization" where it has `projects:`. The unknown key is the one problem, and
 * its hint says the fix.
 */
export function withoutEchoes(problems: Problem[]): Problem[] {
  const hinted = new Map<string, Set<string>>();
  for (const p of problems) {
    if (p.kind !== "unknownKey" || !p.values || p.values.hint === "none") continue;
    const map = p.path.slice(0, -String(p.values.key).length).replace(/\.$/, "") || "$";
    hinted.set(map, (hinted.get(map) ?? new Set()).add(String(p.values.hint)));
  }
  return problems.filter((p) => {
    const hints = hinted.get(p.path);
    if (!hints) return true;
    if (p.kind === "required") return !hints.has(String(p.values?.key));
    return p.kind !== "oneTarget" && p.kind !== "oneSelector";
  });
}
