/**
 * The tables of the HTTP API (lib/tokens): personal access tokens and the record of their uses.
 */

/** `read` tokens call the read routes only; `write` tokens every route their user may. */
export type ApiAccess = "read" | "write";

/** A personal access token: its secret is never stored, only its SHA-256 hash and a display prefix. */
export interface ApiTokensTable {
  id: string;
  account_id: string;
  account_name: string;
  /** The user it acts for, with their newest valid console session in `project_id`. */
  user_id: string;
  user_name: string;
  project_id: string;
  project_name: string;
  region: string;
  name: string;
  /** The secret's first characters (`imsh_AbC1`), to tell tokens apart. */
  prefix: string;
  /** SHA-256 of the whole secret, hex. */
  hash: string;
  access: ApiAccess;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  revoked_by_name: string | null;
  last_used_at: number | null;
  uses: number;
}

/** One request made with a token, whatever its answer; the newest 200 per token are kept. */
export interface ApiTokenUsesTable {
  id: string;
  token_id: string;
  at: number;
  method: string;
  path: string;
  status: number;
}
