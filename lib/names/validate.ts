import { z } from "zod";
import { parseCsv } from "@/lib/csv";
import { HEX32, MEMBER_ID, ORG_URN, UUID } from "@/lib/ids";
import { fieldKey } from "@/lib/i18n/fields";
import { text, type Text, type TextValues } from "@/lib/i18n/text";

export const NAME_MAX = 64;
export const NOTE_MAX = 200;
/** The most rows one import takes. */
export const IMPORT_MAX_ROWS = 2_000;

/** Why a text is no target id, as a catalogue key (`errors.fields.*`), said in the reader's language. */
export type TargetIdResult = { ok: true; id: string } | { ok: false; reason: ReturnType<typeof fieldKey> };

/**
 * The id a name is kept under: a project or account id (32 hex, lower-cased as IAM writes them), or
 * an organization or unit id, given as such (`o-…`, `ou-…`) or as its Organizations URN (the id IMS
 * records as the member, lib/sharing/targets.ts).
 */
export function targetIdOf(raw: string): TargetIdResult {
  const input = raw.trim();
  const lower = input.toLowerCase();
  if (HEX32.test(lower)) return { ok: true, id: lower };
  const urn = ORG_URN.exec(input);
  if (urn) return { ok: true, id: urn[1] ?? urn[2] };
  if (MEMBER_ID.test(input)) return { ok: true, id: input };
  if (input === "") return { ok: false, reason: fieldKey("idEmpty") };
  if (UUID.test(input)) return { ok: false, reason: fieldKey("idIsImage") };
  if (input.length > 64 && !input.startsWith("organizations::")) return { ok: false, reason: fieldKey("idTooLong") };
  if (input.startsWith("organizations::")) return { ok: false, reason: fieldKey("badOrgUrn") };
  return { ok: false, reason: fieldKey("notATargetId") };
}

const CONTROL = /[\u0000-\u001f\u007f]/;

export const nameSchema = z
  .string()
  .trim()
  .min(1, { error: fieldKey("giveName") })
  .max(NAME_MAX, { error: fieldKey("nameMax") })
  .refine((s) => !CONTROL.test(s), { error: fieldKey("nameControl") });

export const noteSchema = z
  .string()
  .trim()
  .max(NOTE_MAX, { error: fieldKey("noteMax") })
  .refine((s) => !CONTROL.test(s), { error: fieldKey("noteControl") })
  .transform((s) => s || null);

export const targetIdSchema = z.string().transform((s, ctx) => {
  const r = targetIdOf(s);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.reason });
    return z.NEVER;
  }
  return r.id;
});

export interface NameEntry {
  id: string;
  name: string;
  note: string | null;
}

/** A row's problem, said in the reader's language; `subject` (the bad cell) goes before it. */
export interface ImportError {
  line: number;
  problem: Text;
  subject?: string;
}

/** A schema's issue as a problem: its catalogue key (lib/i18n/fields.ts) with its limit. */
function problemOf(issue: z.core.$ZodIssue): Text {
  const values: TextValues = "maximum" in issue ? { maximum: Number(issue.maximum) } : {};
  return text(issue.message as Text["key"], values);
}

/**
 * Reads an address book CSV (`id,name[,note]`, an optional header row whose first cell is `id` or `ID`,
 * as the export writes it in every language, lib/names/csv.ts) and checks every
 * row: a bad id, an empty or over-long name or note, an id twice. It returns the entries only when
 * every row is good; otherwise every row's errors, so that nothing is imported from bad input.
 */
export function parseNamesCsv(csv: string): { ok: true; entries: NameEntry[] } | { ok: false; errors: ImportError[] } {
  const rows = parseCsv(csv);
  if (rows.length && rows[0].cells[0]?.trim().toLowerCase() === "id") rows.shift();
  if (rows.length === 0) return { ok: false, errors: [{ line: 1, problem: text("names.problems.empty") }] };
  if (rows.length > IMPORT_MAX_ROWS)
    return {
      ok: false,
      errors: [{ line: 1, problem: text("names.problems.tooManyRows", { maximum: IMPORT_MAX_ROWS }) }],
    };
  const errors: ImportError[] = [];
  const entries: NameEntry[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of rows) {
    const fail = (problem: Text, subject?: string) => errors.push({ line, problem, ...(subject && { subject }) });
    if (cells.length < 2 || cells.length > 3) {
      fail(text("names.problems.cellCount", { count: cells.length }));
      continue;
    }
    const id = targetIdOf(cells[0]);
    const name = nameSchema.safeParse(cells[1]);
    const note = noteSchema.safeParse(cells[2] ?? "");
    // An empty id has no cell to name ("The id is empty." says it all, in any language).
    if (!id.ok) fail(text(id.reason), cells[0].trim() || undefined);
    if (!name.success) fail(problemOf(name.error.issues[0]));
    if (!note.success) fail(problemOf(note.error.issues[0]));
    if (!id.ok || !name.success || !note.success) continue;
    const seen = firstLine.get(id.id);
    if (seen !== undefined) {
      fail(text("names.problems.duplicate", { id: id.id, line: seen }));
      continue;
    }
    firstLine.set(id.id, line);
    entries.push({ id: id.id, name: name.data, note: note.data });
  }
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}
