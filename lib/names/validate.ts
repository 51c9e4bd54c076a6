import { z } from "zod";
import { parseCsv } from "@/lib/csv";
import { HEX32, MEMBER_ID, ORG_URN, UUID } from "@/lib/ids";

export const NAME_MAX = 64;
export const NOTE_MAX = 200;
/** The most rows one import takes. */
export const IMPORT_MAX_ROWS = 2_000;

export type TargetIdResult = { ok: true; id: string } | { ok: false; reason: string };

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
  if (input === "") return { ok: false, reason: "The id is empty." };
  if (UUID.test(input))
    return { ok: false, reason: "This looks like an image id (UUID), not a project or account id." };
  if (input.length > 64 && !input.startsWith("organizations::")) return { ok: false, reason: "Too long to be an id." };
  if (input.startsWith("organizations::")) return { ok: false, reason: "Not a valid Organizations URN." };
  return { ok: false, reason: "Not a project or account id (32 lower-case hex digits) or an organization id." };
}

const CONTROL = /[\u0000-\u001f\u007f]/;

export const nameSchema = z
  .string()
  .trim()
  .min(1, "Give a name.")
  .max(NAME_MAX, `Names are at most ${NAME_MAX} characters.`)
  .refine((s) => !CONTROL.test(s), "Names cannot hold control characters.");

export const noteSchema = z
  .string()
  .trim()
  .max(NOTE_MAX, `Notes are at most ${NOTE_MAX} characters.`)
  .refine((s) => !CONTROL.test(s), "Notes cannot hold control characters.")
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

export interface ImportError {
  line: number;
  message: string;
}

/**
 * Reads an address book CSV (`id,name[,note]`, an optional header row whose first cell is `id` or `ID`,
 * as the export writes it in every language, lib/names/csv.ts) and checks every
 * row: a bad id, an empty or over-long name or note, an id twice. It returns the entries only when
 * every row is good; otherwise every row's errors, so that nothing is imported from bad input.
 */
export function parseNamesCsv(text: string): { ok: true; entries: NameEntry[] } | { ok: false; errors: ImportError[] } {
  const rows = parseCsv(text);
  if (rows.length && rows[0].cells[0]?.trim().toLowerCase() === "id") rows.shift();
  if (rows.length === 0)
    return { ok: false, errors: [{ line: 1, message: "The file holds no rows (id,name[,note])." }] };
  if (rows.length > IMPORT_MAX_ROWS)
    return { ok: false, errors: [{ line: 1, message: `At most ${IMPORT_MAX_ROWS} rows per import.` }] };
  const errors: ImportError[] = [];
  const entries: NameEntry[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of rows) {
    const fail = (message: string) => errors.push({ line, message });
    if (cells.length < 2 || cells.length > 3) {
      fail(`Expected id,name or id,name,note; found ${cells.length} cell${cells.length === 1 ? "" : "s"}.`);
      continue;
    }
    const id = targetIdOf(cells[0]);
    const name = nameSchema.safeParse(cells[1]);
    const note = noteSchema.safeParse(cells[2] ?? "");
    if (!id.ok) fail(`${cells[0].trim() || "(empty)"}: ${id.reason}`);
    if (!name.success) fail(name.error.issues[0].message);
    if (!note.success) fail(note.error.issues[0].message);
    if (!id.ok || !name.success || !note.success) continue;
    const seen = firstLine.get(id.id);
    if (seen !== undefined) {
      fail(`${id.id} is already named on line ${seen}.`);
      continue;
    }
    firstLine.set(id.id, line);
    entries.push({ id: id.id, name: name.data, note: note.data });
  }
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}
