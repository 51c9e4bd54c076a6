import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO, DEMO_KEYS } from "@/emulator/seed/demo";
import { deriveTokenKey, encryptToken } from "@/lib/auth/crypto";
import { signingKeyOf } from "@/lib/cloud/credential";
import { backends } from "@/lib/db/testing";
import { onMigratedDatabase } from "@/lib/db/testing-hooks";
import type { ApiTokensTable, Database } from "@/lib/db/types";
import { withEntrustedKeys } from "./entrusted";
import type { TokenSource } from "./tokens";

const KEY = deriveTokenKey("k".repeat(40));
const NOW = 1_800_000_000_000;
const WHO = { userId: DEMO.alice, accountId: DEMO.acme, projectId: DEMO.acmeAp, region: "ap-southeast-1" };

/** A token row of alice's as `createToken` writes it, with her demo key entrusted unless told otherwise. */
function tokenRow(id: string, over: Partial<ApiTokensTable> = {}): ApiTokensTable {
  return {
    id,
    account_id: DEMO.acme,
    account_name: "acme",
    user_id: DEMO.alice,
    user_name: "alice",
    project_id: DEMO.acmeAp,
    project_name: "ap-southeast-1",
    region: "ap-southeast-1",
    name: id,
    prefix: id,
    hash: `hash-${id}`,
    access: "write",
    created_at: NOW - 1_000,
    expires_at: NOW + 86_400_000,
    revoked_at: null,
    revoked_by_name: null,
    last_used_at: null,
    uses: 0,
    credentials: "access_key",
    access_key: DEMO_KEYS.alice.ak,
    secret_key_ciphertext: encryptToken(DEMO_KEYS.alice.sk, KEY),
    roles: "[]",
    ...over,
  };
}

/** The tracker's tokens for a batch launched with an API token: its entrusted key while it is active, else sessions. */
describe.each(backends)("entrusted keys for batches on $name", (backend) => {
  let db: Kysely<Database>;
  onMigratedDatabase(backend, (opened) => (db = opened));
  const sessions: TokenSource & { refusedTokens: string[] } = {
    refusedTokens: [],
    async tokenFor() {
      return { token: "MIIsession", expiresAt: NOW + 3_600_000 };
    },
    refused(token) {
      this.refusedTokens.push(token);
    },
  };
  const source = () => withEntrustedKeys(sessions, db, KEY, () => NOW);
  beforeEach(async () => {
    sessions.refusedTokens = [];
    await db.deleteFrom("api_tokens").execute();
    await db
      .insertInto("api_tokens")
      .values([
        tokenRow("active"),
        tokenRow("revoked", { revoked_at: NOW - 10, revoked_by_name: "alice" }),
        tokenRow("expired", { expires_at: NOW - 10 }),
        tokenRow("session", { credentials: "session", access_key: null, secret_key_ciphertext: null }),
        tokenRow("unreadable", { secret_key_ciphertext: encryptToken("sk", deriveTokenKey("o".repeat(40))) }),
        tokenRow("bobs", { user_id: DEMO.bob }),
      ])
      .execute();
  });

  it("gives an active token's key as the credential cloudRequest signs with, looked at again within 5 minutes", async () => {
    const token = await source().tokenFor({ ...WHO, apiTokenId: "active" }, null);
    // Not the token's own end (a day): a token revoked meanwhile stops its batches within minutes.
    expect(token?.expiresAt).toBe(NOW + 5 * 60_000);
    expect(signingKeyOf(token!.token)).toEqual({ ...DEMO_KEYS.alice, projectId: DEMO.acmeAp, domainId: DEMO.acme });
  });

  it.each(["revoked", "expired", "session", "unreadable", "bobs", "gone"])(
    "falls back to the user's sessions for a %s token",
    async (apiTokenId) => {
      expect(await source().tokenFor({ ...WHO, apiTokenId }, null)).toEqual({
        token: "MIIsession",
        expiresAt: NOW + 3_600_000,
      });
    },
  );

  it("uses the sessions for a batch without a token", async () => {
    expect((await source().tokenFor(WHO, null))?.token).toBe("MIIsession");
    expect((await source().tokenFor({ ...WHO, apiTokenId: null }, null))?.token).toBe("MIIsession");
  });

  it("stops handing out a key the cloud refused, and passes a refused session token on", async () => {
    const keys = source();
    const key = await keys.tokenFor({ ...WHO, apiTokenId: "active" }, null);
    keys.refused(key!.token);
    expect((await keys.tokenFor({ ...WHO, apiTokenId: "active" }, null))?.token).toBe("MIIsession");
    keys.refused("MIIsession");
    expect(sessions.refusedTokens).toEqual(["MIIsession"]);
  });
});
