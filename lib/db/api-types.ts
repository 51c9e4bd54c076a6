/**
 * The tables of the HTTP API (lib/tokens): personal access tokens and the record of their uses.
 */

/** `read` tokens call the read routes only; `write` tokens every route their user may. */
export type ApiAccess = "read" | "write";

/** What a token acts with: its user's newest console session, or an access key they entrusted to the console. */
export type ApiCredentials = "session" | "access_key";

/** A personal access token: its secret is never stored, only its SHA-256 hash and a display prefix. */
export interface ApiTokensTable {
  id: string;
  account_id: string;
  account_name: string;
  /** The user it acts for, in `project_id`, with their newest valid console session or their entrusted key. */
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
  credentials: ApiCredentials;
  /** The entrusted AK, in clear (lists show its first characters); null for a session token. */
  access_key: string | null;
  /** The entrusted SK, encrypted as the sessions' IAM tokens are (lib/auth/crypto.ts); null for a session token. */
  secret_key_ciphertext: string | null;
  /** JSON list of the IAM roles of the session that made the token: an entrusted-key token acts with them. */
  roles: string;
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
