import { HEX32 } from "@/lib/ids";

/** Column names a target file may use; without one, the first column holds the targets. */
const TARGET_COLUMNS = ["target", "project_id", "account_id", "urn"];
/** Loose on purpose: a mistyped id in the first line is reported as a bad target, not taken for a header. */
const idLike = (cell: string) => HEX32.test(cell.toLowerCase()) || /^organizations::\S+$/i.test(cell);

/** The column read: one named in the header, or the first (under a header of another name, or none). */
export type CsvColumn = { named: string } | { first: true; header?: string };

/** Why a line was not read: the header, an empty line, or no value in the column read. */
export type IgnoredReason = "header" | "empty" | "noValue";

export interface CsvTargets {
  values: string[];
  column: CsvColumn;
  ignored: { line: number; text: string; reason: IgnoredReason }[];
}

/** The cells of one CSV line: commas, semicolons or tabs, double quotes around a cell removed. */
function cellsOf(line: string): string[] {
  return line.split(/[,;\t]/).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim(),
  );
}

/**
 * Reads targets from an uploaded CSV: the column named `target`, `project_id`, `account_id` or
 * `urn`, else the first column. Empty lines, lines without a value in that column and a header
 * line are ignored and reported by line number (1-based).
 */
export function readCsvTargets(text: string): CsvTargets {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const ignored: CsvTargets["ignored"] = [];
  const values: string[] = [];
  const header = cellsOf(lines[0] ?? "").map((c) => c.toLowerCase());
  let column = header.findIndex((c) => TARGET_COLUMNS.includes(c));
  let read: CsvColumn = column >= 0 ? { named: header[column] } : { first: true };
  let start = 0;
  if (column >= 0) {
    ignored.push({ line: 1, text: lines[0], reason: "header" });
    start = 1;
  } else {
    column = 0;
    if (header[0] && !idLike(header[0]) && lines.length > 1) {
      ignored.push({ line: 1, text: lines[0], reason: "header" });
      start = 1;
      read = { first: true, header: header[0] };
    }
  }
  for (let i = start; i < lines.length; i++) {
    if (!lines[i].trim()) {
      if (i < lines.length - 1) ignored.push({ line: i + 1, text: "", reason: "empty" });
      continue;
    }
    const value = cellsOf(lines[i])[column];
    if (value) values.push(value);
    else ignored.push({ line: i + 1, text: lines[i], reason: "noValue" });
  }
  return { values, column: read, ignored };
}
