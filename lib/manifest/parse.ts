import { LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from "yaml";
import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { position, problemsOf, withoutEchoes, type Problem } from "./problems";
import { manifestSchema, type Manifest, type ProblemKind } from "./schema";

/** The most a manifest may be: bigger files are refused before they are read. */
export const MANIFEST_MAX_BYTES = 2 * 1024 * 1024;
/** Aliases a manifest may use (`*anchor`): enough for shared target lists, too few to blow up. */
export const MANIFEST_MAX_ALIASES = 100;
/** Problems named by place after the first one. */
const NEXT_NAMED = 3;

const SYNTAX: Record<string, ProblemKind> = {
  DUPLICATE_KEY: "duplicateKey",
  TAB_AS_INDENT: "tabIndent",
  MULTIPLE_DOCS: "multipleDocuments",
};

const refuse = (sentence: ReturnType<typeof text>) => new UserError("invalid_input", sentence, "manifest");

function syntaxProblem(e: YAMLError, lines: LineCounter): Problem {
  return { kind: SYNTAX[e.code] ?? "syntax", ...position(lines, e.pos[0]), path: "$", values: { code: e.code } };
}

/** Too many aliases, placed at the alias after the first `skip` ones; undefined when there are no more. */
function aliasProblem(doc: Document, lines: LineCounter, skip: number): Problem | undefined {
  let count = 0;
  let over: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (++count > skip && !over) over = node;
    },
  });
  if (!over) return undefined;
  const values = { limit: MANIFEST_MAX_ALIASES };
  return { kind: "tooManyAliases", ...position(lines, over.range?.[0] ?? 0), path: "$", values };
}

/**
 * One refusal for every problem found: the first in the file said in full, the next few by place
 * (`9:5 images[3].id`), and how many there are in all.
 */
function refusal(problems: Problem[]): UserError {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const [first, ...rest] = sorted;
  const named = rest.slice(0, NEXT_NAMED).map((p) => `${p.line}:${p.column} ${p.path}`);
  const next = named.join(", ") + (rest.length > NEXT_NAMED ? ", …" : "");
  return refuse(
    text(`manifest.problems.${first.kind}`, {
      hint: "none",
      ...first.values,
      line: first.line,
      column: first.column,
      path: first.path,
      more: rest.length,
      next,
    }),
  );
}

/**
 * Reads a manifest (YAML 1.2, so JSON too) into its checked form, or refuses with a sentence that names
 * the line, the column and the path of the first problem, and how many more there are: a person fixes a
 * file in an editor, not an error tree. Sizes are bounded before anything is built.
 */
export function parseManifest(source: string): Manifest {
  const size = Buffer.byteLength(source, "utf8");
  if (size > MANIFEST_MAX_BYTES) throw refuse(text("manifest.errors.tooLarge", { size, limit: MANIFEST_MAX_BYTES }));
  const lines = new LineCounter();
  const doc = parseDocument(source, { version: "1.2", lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) throw refusal(doc.errors.map((e) => syntaxProblem(e, lines)));
  if (doc.contents === null) throw refuse(text("manifest.errors.empty"));
  const aliases = aliasProblem(doc, lines, MANIFEST_MAX_ALIASES);
  if (aliases) throw refusal([aliases]);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MANIFEST_MAX_ALIASES });
  } catch {
    // Few aliases that expand to too much (aliases of aliases): the first is where the file repeats itself.
    throw refusal([aliasProblem(doc, lines, 0)!]);
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success)
    throw refusal(withoutEchoes(parsed.error.issues.flatMap((issue) => problemsOf(issue, doc, lines, data))));
  return parsed.data;
}
