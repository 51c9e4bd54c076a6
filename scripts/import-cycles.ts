// `tsx scripts/import-cycles.ts` (part of `npm run lint`): lists import circles between the project's TypeScript
// files and between the folders of lib/, components/ and emulator/ (type-only and dynamic imports count), and
// imports against the layers (lib/ never imports app/ or components/, ...). Exits 1 when it finds any.
// Tests (`*.test.ts`) and e2e/ are left out.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import ts from "typescript";

const root = process.cwd();
const skipDirs = new Set([
  "node_modules",
  ".next",
  ".git",
  "e2e",
  "data",
  "reports",
  "test-results",
  "playwright-report",
]);
const isSource = (name: string) => /\.(ts|tsx|mts)$/.test(name) && !/\.(test|spec)\.tsx?$|\.d\.ts$/.test(name);

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!skipDirs.has(name)) walk(path, out);
    } else if (isSource(name)) out.push(relative(root, path).split(sep).join("/"));
  }
  return out;
}

const files = walk(root, []).sort();
const known = new Set(files);

function resolve(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = join(dirname(from), spec).split(sep).join("/");
  else return undefined;
  for (const suffix of ["", ".ts", ".tsx", ".mts", "/index.ts", "/index.tsx"]) {
    if (known.has(base + suffix)) return base + suffix;
  }
  if (/\.(ts|tsx|mts)$/.test(base) || !/\.\w+$/.test(base)) {
    // A file the walk leaves out (e2e/) exists all the same: only a missing one is worth a word.
    const exists = ["", ".ts", ".tsx", ".mts", "/index.ts"].some((suffix) => existsSync(join(root, base + suffix)));
    if (!exists) console.warn(`${from}: cannot resolve "${spec}"`);
  }
  return undefined;
}

const edges = new Map<string, string[]>();
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(join(root, file), "utf8"), true, true);
  const targets = info.importedFiles.map((f) => resolve(file, f.fileName)).filter((t): t is string => !!t);
  edges.set(file, [...new Set(targets)]);
}

const problems: string[] = [];

// Arrows point one way: app -> components -> lib; the emulator and the CLI share nothing with the console but the wire.
const forbidden: Record<string, string[]> = {
  lib: ["app", "components"],
  components: ["app"],
  emulator: ["app", "components", "lib"],
  cli: ["app", "components", "lib", "emulator"],
};
const layerOf = (file: string) => file.split("/")[0];
for (const [file, targets] of edges) {
  for (const target of targets) {
    if (forbidden[layerOf(file)]?.includes(layerOf(target)))
      problems.push(`${file} imports ${target}: ${layerOf(file)}/ never imports ${layerOf(target)}/`);
  }
}

// Tarjan's strongly connected components: every component of more than one node holds a circle.
function components(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return found;
}

// One shortest circle through the component's first node, found breadth-first, to show the way round.
function circle(graph: Map<string, string[]>, component: string[]): string[] {
  const inside = new Set(component);
  const start = component[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

function report(kind: string, graph: Map<string, string[]>, why: (from: string, to: string) => string) {
  for (const component of components(graph)) {
    const way = circle(graph, component);
    const steps = way.slice(1).map((to, i) => `  ${why(way[i], to)}`);
    const more = component.length > way.length - 1 ? ` (${component.length} take part: ${component.join(", ")})` : "";
    problems.push([`${kind} circle: ${way.join(" -> ")}${more}`, ...steps].join("\n"));
  }
}

report("import", edges, (from, to) => `${from} imports ${to}`);

// Folders of lib/, components/ and emulator/ (and the files at their top) must not import each other in a
// ring either: lib/actions -> lib/batches -> lib/actions is a circle even when no file imports itself back.
const unitOf = (file: string) => {
  const parts = file.split("/");
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : file;
};
const units = new Map<string, string[]>();
const via = new Map<string, string>();
for (const [file, targets] of edges) {
  if (layerOf(file) === "app") continue;
  const from = unitOf(file);
  if (!units.has(from)) units.set(from, []);
  for (const target of targets) {
    const to = unitOf(target);
    if (to === from || layerOf(target) === "app") continue;
    if (!units.get(from)!.includes(to)) units.get(from)!.push(to);
    if (!via.has(`${from} ${to}`)) via.set(`${from} ${to}`, `${file} imports ${target}`);
  }
}
report("folder", units, (from, to) => via.get(`${from} ${to}`)!);

for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log(`import check: ${files.length} files, no circle, every import along the layers`);
