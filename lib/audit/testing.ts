import { PostgresAdapter, sql, type Kysely } from "kysely";
import { DEMO } from "@/emulator/seed/demo";
import type { Database } from "@/lib/db/types";
import type { AuditActor } from "./writer";

/** alice in acme's ap-southeast-1 project, as tests and benchmarks record her. */
export const ALICE_ACTOR: AuditActor = {
  userId: DEMO.alice,
  userName: "alice",
  accountId: DEMO.acme,
  accountName: "acme",
  projectId: DEMO.acmeAp,
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
};

/**
 * alice's session as a page has it (a StoredSession; not typed as one, since lib/auth imports lib/audit),
 * kept nowhere in the sessions table: for tests of what works without one.
 */
export const ALICE_PAGE_SESSION = {
  id: "s-alice",
  ...ALICE_ACTOR,
  roles: ["te_admin"],
  token: "MIIsessionOfThePageOnly",
  tokenExpiresAt: Date.now() + 3_600_000,
};

/** For tests: what someone with direct access to the database could do, switch the guard off, then write. */
export async function tamper(db: Kysely<Database>, fn: () => Promise<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table audit_events disable trigger audit_events_append_only`.execute(db);
    try {
      await fn();
    } finally {
      await sql`alter table audit_events enable trigger audit_events_append_only`.execute(db);
    }
  } else {
    await sql`update audit_purge_gate set open = 1`.execute(db);
    await sql`drop trigger audit_events_no_update`.execute(db);
    try {
      await fn();
    } finally {
      await sql`update audit_purge_gate set open = 0`.execute(db);
      await sql`create trigger audit_events_no_update before update on audit_events begin select raise(abort, 'audit_events is append-only: UPDATE refused'); end`.execute(
        db,
      );
    }
  }
}
