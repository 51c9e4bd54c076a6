import { csvRow } from "@/lib/csv";
import type { NameEntry } from "./validate";

export const NAMES_CSV_COLUMNS = ["id", "name", "note"] as const;
export type NamesCsvColumn = (typeof NAMES_CSV_COLUMNS)[number];

/**
 * The address book as CSV: a heading (`label` names the columns in the reader's language, `names.csv`;
 * the id column is `id` or `ID` in every language, which is how the import knows a heading), then one
 * row per name.
 */
export function namesCsv(names: NameEntry[], label: (column: NamesCsvColumn) => string = (column) => column): string {
  return csvRow(NAMES_CSV_COLUMNS.map(label)) + names.map((n) => csvRow([n.id, n.name, n.note])).join("");
}
