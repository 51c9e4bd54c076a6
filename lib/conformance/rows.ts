/** The disputed behaviours of cloud-api.md section 14, with the slugs the emulator and this check use. */
export const ROWS = [
  ["D1", "cts-trace-types"],
  ["D2", "null-optional-fields"],
  ["D3", "recipient-member-read"],
  ["D4", "whole-image-attribute"],
  ["D5", "batch-empty-arrays"],
  ["D6", "cph-member-paging"],
  ["D7", "token-rescope"],
  ["D8", "cph-error-status"],
] as const;

export type RowId = (typeof ROWS)[number][0];
export type Verdict = "reading A" | "reading B" | "not tried" | "unclear";

export interface Finding {
  row: RowId;
  verdict: Verdict;
  evidence: string;
}

export const readingA = (row: RowId, evidence: string): Finding => ({ row, verdict: "reading A", evidence });
export const readingB = (row: RowId, evidence: string): Finding => ({ row, verdict: "reading B", evidence });
export const notTried = (row: RowId, evidence: string): Finding => ({ row, verdict: "not tried", evidence });
export const unclear = (row: RowId, evidence: string): Finding => ({ row, verdict: "unclear", evidence });

const slugOf = (row: RowId) => ROWS.find(([id]) => id === row)?.[1] ?? row;

/** `D1 cts-trace-types: reading B (code is a number)`. */
export function formatFinding(f: Finding): string {
  return `${f.row} ${slugOf(f.row)}: ${f.verdict} (${f.evidence})`;
}

/** `summary: 5 reading A, 2 reading B, 1 not tried; transcript: <path>`, counting only verdicts that occur. */
export function formatSummary(findings: Finding[], transcriptPath: string): string {
  const order: Verdict[] = ["reading A", "reading B", "unclear", "not tried"];
  const counts = order
    .map((v) => [v, findings.filter((f) => f.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`);
  return `summary: ${counts.join(", ")}; transcript: ${transcriptPath}`;
}

/** Findings in row order, one per row (a row no probe reached is "not tried"). */
export function complete(findings: Finding[]): Finding[] {
  return ROWS.map(([id]) => findings.find((f) => f.row === id) ?? notTried(id, "the run stopped before this row"));
}
