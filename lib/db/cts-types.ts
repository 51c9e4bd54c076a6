/** The CTS import of one project (lib/audit/cts-import): its last run, and who may run it now. */
export interface CtsImportsTable {
  account_id: string;
  project_id: string;
  project_name: string;
  region: string;
  /** `running`, `succeeded`, `failed`, `skipped` (no signed-in user for a scheduled run). */
  status: string;
  /** `manual` or `schedule`. */
  trigger: string;
  /** Whose token read CTS. */
  user_name: string | null;
  started_at: number | null;
  finished_at: number | null;
  /** The window the last run asked CTS for (exclusive bounds). */
  window_from: number | null;
  window_to: number | null;
  /** Traces up to here have been imported without a gap since `window_from` of the first run. */
  covered_to: number | null;
  /** Events appended by the last run, and traces it found already in the history. */
  imported: number;
  known: number;
  error_code: string | null;
  error_message: string | null;
  lease_owner: string | null;
  lease_until: number;
}
