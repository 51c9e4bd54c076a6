import type { Generated } from "kysely";

/** The table of sharing as code (lib/manifest): manifests an account watches for drift. */

/** new: never checked; ok: the cloud matches; drift: it does not; waiting: no session to read with; failed: the check failed. */
export type WatchStatus = "new" | "ok" | "drift" | "waiting" | "failed";

export interface WatchedManifestsTable {
  id: string;
  account_id: string;
  account_name: string;
  project_id: string;
  project_name: string;
  region: string;
  name: string;
  /** The manifest as it was saved (YAML). */
  source: string;
  /** Whose token reads the cloud for the checks: the admin who saved it last. */
  saved_by_id: string;
  saved_by_name: string;
  created_at: number;
  updated_at: number;
  status: Generated<WatchStatus>;
  /** Why it waits or failed, as JSON of a `Text` (lib/i18n/text). */
  status_text: string | null;
  /** JSON array of the drifted pairs, each with who last changed it (lib/manifest/watches.ts `DriftEntry`). */
  drift: Generated<string>;
  drift_count: Generated<number>;
  /** The plan digest of the drift found last, and of the drift last announced. */
  drift_digest: string | null;
  notified_digest: string | null;
  checked_at: number | null;
  /** When the next scheduled check is due. */
  due_at: Generated<number>;
  /** The instance checking it, and until when (0: nobody). */
  claim_owner: string | null;
  claim_until: Generated<number>;
}
