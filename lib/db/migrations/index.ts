import { PostgresAdapter, sql, type Kysely, type Migration } from "kysely";
import { chainExisting0004 } from "./audit-chain-0004";
import { leasesAndNotifications } from "./0012-leases-notifications";
import { apiTokens } from "./0013-api-tokens";
import { watchedManifests } from "./0014-watched-manifests";
import { apiTokenKeys } from "./0015-api-token-keys";
import { batchApiToken } from "./0016-batch-api-token";

/** Whether a migration runs on PostgreSQL (else SQLite); the few types that differ depend on it. */
function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** One list of migrations for both databases, applied in order at start. */
export const migrations: Record<string, Migration> = {
  "0001_sessions_and_audit": {
    async up(db) {
      const pg = isPostgres(db);
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("user_name", "text", (c) => c.notNull())
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("account_name", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("project_name", "text", (c) => c.notNull())
        .addColumn("region", "text", (c) => c.notNull())
        .addColumn("roles", "text", (c) => c.notNull())
        .addColumn("token_ciphertext", "text", (c) => c.notNull())
        .addColumn("token_expires_at", "bigint", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_token_expires_at").on("sessions").column("token_expires_at").execute();

      await db.schema
        .createTable("audit_events")
        .addColumn("seq", pg ? "bigserial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("occurred_at", "bigint", (c) => c.notNull())
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("account_name", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("user_name", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("project_name", "text", (c) => c.notNull())
        .addColumn("region", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("images", "text", (c) => c.notNull())
        .addColumn("targets", "text", (c) => c.notNull())
        .addColumn("pairs", "text", (c) => c.notNull())
        .addColumn("input", "text", (c) => c.notNull())
        .addColumn("error_code", "text")
        .addColumn("error_message", "text")
        .addColumn("upstream_request_id", "text")
        .addColumn("upstream_job_id", "text")
        .addColumn("duration_ms", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("audit_events_account_project_time")
        .on("audit_events")
        .columns(["account_id", "project_id", "occurred_at", "seq"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("audit_events").execute();
      await db.schema.dropTable("sessions").execute();
    },
  },
  "0002_inbox_views": {
    async up(db) {
      await db.schema
        .createTable("inbox_views")
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("seen_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("inbox_views_pk", ["user_id", "project_id"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("inbox_views").execute();
    },
  },
  "0003_batches": {
    async up(db) {
      await db.schema
        .createTable("batches")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("account_name", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("project_name", "text", (c) => c.notNull())
        .addColumn("region", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("user_name", "text", (c) => c.notNull())
        .addColumn("operation", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("status_message", "text")
        .addColumn("images", "text", (c) => c.notNull())
        .addColumn("targets", "text", (c) => c.notNull())
        .addColumn("image_count", "integer", (c) => c.notNull())
        .addColumn("target_count", "integer", (c) => c.notNull())
        .addColumn("pair_count", "integer", (c) => c.notNull())
        .addColumn("version", "bigint", (c) => c.notNull())
        .addColumn("lease_owner", "text")
        .addColumn("lease_until", "bigint", (c) => c.notNull())
        .addColumn("waiting_since", "bigint")
        .addColumn("reported_version", "bigint", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addColumn("finished_at", "bigint")
        .execute();
      await db.schema
        .createIndex("batches_scope_created")
        .on("batches")
        .columns(["account_id", "project_id", "created_at"])
        .execute();
      await db.schema.createIndex("batches_status_lease").on("batches").columns(["status", "lease_until"]).execute();

      await db.schema
        .createTable("batch_pairs")
        .addColumn("batch_id", "text", (c) => c.notNull())
        .addColumn("idx", "integer", (c) => c.notNull())
        .addColumn("image_id", "text", (c) => c.notNull())
        .addColumn("image_name", "text", (c) => c.notNull())
        .addColumn("service", "text", (c) => c.notNull())
        .addColumn("target_kind", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("member_id", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("code", "text")
        .addColumn("reason", "text")
        .addColumn("attempt", "integer", (c) => c.notNull())
        .addColumn("call_id", "text")
        .addColumn("version", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("batch_pairs_pk", ["batch_id", "idx"])
        .execute();
      await db.schema.createIndex("batch_pairs_version").on("batch_pairs").columns(["batch_id", "version"]).execute();
      await db.schema.createIndex("batch_pairs_status").on("batch_pairs").columns(["batch_id", "status"]).execute();
      await db.schema.createIndex("batch_pairs_call").on("batch_pairs").columns(["call_id"]).execute();

      await db.schema
        .createTable("batch_calls")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("batch_id", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("service", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("job_id", "text")
        .addColumn("request_id", "text")
        .addColumn("job_status", "text")
        .addColumn("progress", "integer", (c) => c.notNull())
        .addColumn("error_code", "text")
        .addColumn("error_message", "text")
        .addColumn("polls", "integer", (c) => c.notNull())
        .addColumn("failures", "integer", (c) => c.notNull())
        .addColumn("next_poll_at", "bigint", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addColumn("finished_at", "bigint")
        .execute();
      await db.schema
        .createIndex("batch_calls_batch_status")
        .on("batch_calls")
        .columns(["batch_id", "status"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("batch_calls").execute();
      await db.schema.dropTable("batch_pairs").execute();
      await db.schema.dropTable("batches").execute();
    },
  },
  "0004_audit_chain": {
    async up(db) {
      const pg = isPostgres(db);
      await db.schema.alterTable("audit_events").addColumn("prev_hash", "text").execute();
      await db.schema.alterTable("audit_events").addColumn("hash", "text").execute();
      await db.schema.alterTable("audit_events").addColumn("external_id", "text").execute();
      await db.schema
        .createIndex("audit_events_user")
        .on("audit_events")
        .columns(["account_id", "project_id", "user_name", "occurred_at", "seq"])
        .execute();
      await db.schema
        .createIndex("audit_events_account_seq")
        .on("audit_events")
        .columns(["account_id", "seq"])
        .execute();
      await db.schema
        .createIndex("audit_events_external")
        .on("audit_events")
        .columns(["account_id", "external_id"])
        .execute();

      // The last event of each account's chain: appends lock it, so the chain has no forks.
      await db.schema
        .createTable("audit_chain_heads")
        .addColumn("account_id", "text", (c) => c.primaryKey())
        .addColumn("seq", "bigint", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .addColumn("count", "bigint", (c) => c.notNull())
        .addColumn("base", "text", (c) => c.notNull())
        .execute();

      // Images, targets and batches an event is about, for filters that stay fast at millions of events.
      await db.schema
        .createTable("audit_refs")
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("ref", "text", (c) => c.notNull())
        .addColumn("occurred_at", "bigint", (c) => c.notNull())
        .addColumn("seq", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("audit_refs_lookup")
        .on("audit_refs")
        .columns(["account_id", "project_id", "kind", "ref", "occurred_at", "seq"])
        .execute();

      // Existing events join the chain in the order they were written.
      await chainExisting0004(db);

      // Append-only, enforced by the database: UPDATE is refused, and DELETE too unless the
      // retention purge opened the gate inside its own transaction.
      if (pg) {
        await sql`
          create function audit_events_append_only() returns trigger language plpgsql as $$
          begin
            if tg_op = 'DELETE' and current_setting('imshare.audit_purge', true) = 'on' then
              return old;
            end if;
            raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
          end $$`.execute(db);
        await sql`create trigger audit_events_append_only before update or delete on audit_events for each row execute function audit_events_append_only()`.execute(
          db,
        );
      } else {
        await db.schema
          .createTable("audit_purge_gate")
          .addColumn("open", "integer", (c) => c.notNull())
          .execute();
        await sql`insert into audit_purge_gate (open) values (0)`.execute(db);
        await sql`create trigger audit_events_no_update before update on audit_events begin select raise(abort, 'audit_events is append-only: UPDATE refused'); end`.execute(
          db,
        );
        await sql`create trigger audit_events_no_delete before delete on audit_events when (select open from audit_purge_gate) = 0 begin select raise(abort, 'audit_events is append-only: DELETE refused'); end`.execute(
          db,
        );
      }
    },
    async down(db) {
      if (isPostgres(db)) {
        await sql`drop trigger if exists audit_events_append_only on audit_events`.execute(db);
        await sql`drop function if exists audit_events_append_only()`.execute(db);
      } else {
        await sql`drop trigger if exists audit_events_no_update`.execute(db);
        await sql`drop trigger if exists audit_events_no_delete`.execute(db);
        await db.schema.dropTable("audit_purge_gate").execute();
      }
      await db.schema.dropTable("audit_refs").execute();
      await db.schema.dropTable("audit_chain_heads").execute();
    },
  },
  "0005_sign_in_failures": {
    async up(db) {
      await db.schema
        .createTable("sign_in_failures")
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sign_in_failures_key_at").on("sign_in_failures").columns(["key", "at"]).execute();
    },
    async down(db) {
      await db.schema.dropTable("sign_in_failures").execute();
    },
  },
  "0006_action_intents": {
    async up(db) {
      await db.schema
        .createTable("action_intents")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("input", "text", (c) => c.notNull())
        .addColumn("plan", "text", (c) => c.notNull())
        .addColumn("jobs", "text", (c) => c.notNull())
        .addColumn("started_at", "bigint", (c) => c.notNull())
        .addColumn("lease_owner", "text", (c) => c.notNull())
        .addColumn("lease_until", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("action_intents_lease")
        .on("action_intents")
        .columns(["lease_until", "started_at"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("action_intents").execute();
    },
  },
  "0007_cts_imports": {
    async up(db) {
      // One row per account and project: the last CTS import, the window it covered, and a lease so
      // that only one console instance imports a project at a time.
      await db.schema
        .createTable("cts_imports")
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("project_name", "text", (c) => c.notNull())
        .addColumn("region", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("trigger", "text", (c) => c.notNull())
        .addColumn("user_name", "text")
        .addColumn("started_at", "bigint")
        .addColumn("finished_at", "bigint")
        .addColumn("window_from", "bigint")
        .addColumn("window_to", "bigint")
        .addColumn("covered_to", "bigint")
        .addColumn("imported", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("known", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("error_code", "text")
        .addColumn("error_message", "text")
        .addColumn("lease_owner", "text")
        .addColumn("lease_until", "bigint", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("cts_imports_pk", ["account_id", "project_id"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("cts_imports").execute();
    },
  },
  "0008_audit_activity": {
    // History's activity chart counts a project's events per day and action: with `action` in the
    // index the count reads the index alone instead of every row of the range.
    async up(db) {
      await db.schema
        .createIndex("audit_events_activity")
        .on("audit_events")
        .columns(["account_id", "project_id", "occurred_at", "action"])
        .execute();
    },
    async down(db) {
      await db.schema.dropIndex("audit_events_activity").execute();
    },
  },
  "0009_target_names": {
    // The account's address book: a name an admin gave a project, account or organization id, seen by
    // everyone of the account. Keyed by the account (domain) id and the target's member id.
    async up(db) {
      await db.schema
        .createTable("target_names")
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("target_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("updated_by", "text", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("target_names_pk", ["account_id", "target_id"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("target_names").execute();
    },
  },
  "0010_batch_reason_texts": {
    // A pair's reason and a batch's status message as a catalogue key and its arguments (JSON of
    // lib/i18n/text's Text), shown in the reader's language; `reason` and `status_message` keep the
    // English sentence beside them (CSV exports, rows written before, which have only that).
    async up(db) {
      await db.schema.alterTable("batch_pairs").addColumn("reason_text", "text").execute();
      await db.schema.alterTable("batches").addColumn("status_text", "text").execute();
    },
    async down(db) {
      await db.schema.alterTable("batch_pairs").dropColumn("reason_text").execute();
      await db.schema.alterTable("batches").dropColumn("status_text").execute();
    },
  },
  "0011_sharing_policy_and_approvals": {
    // An account's sharing policy (lib/policy), one JSON document per account, and the requests for a
    // second admin's approval of what it does not allow: the plan as it was asked for, the decision,
    // and the batch that carried it out.
    async up(db) {
      await db.schema
        .createTable("sharing_policies")
        .addColumn("account_id", "text", (c) => c.primaryKey())
        .addColumn("policy", "text", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("approval_requests")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull())
        .addColumn("project_id", "text", (c) => c.notNull())
        .addColumn("project_name", "text", (c) => c.notNull())
        .addColumn("region", "text", (c) => c.notNull())
        .addColumn("service", "text", (c) => c.notNull())
        .addColumn("requested_by_id", "text", (c) => c.notNull())
        .addColumn("requested_by_name", "text", (c) => c.notNull())
        .addColumn("requested_at", "bigint", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .addColumn("reason", "text")
        .addColumn("plan", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("decided_by_id", "text")
        .addColumn("decided_by_name", "text")
        .addColumn("decided_at", "bigint")
        .addColumn("decision_note", "text")
        .addColumn("batch_id", "text")
        .execute();
      await db.schema
        .createIndex("approval_requests_account_status")
        .on("approval_requests")
        .columns(["account_id", "status", "requested_at"])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("approval_requests").execute();
      await db.schema.dropTable("sharing_policies").execute();
    },
  },
  "0012_leases_and_notifications": leasesAndNotifications,
  "0013_api_tokens": apiTokens,
  "0014_watched_manifests": watchedManifests,
  "0015_api_token_keys": apiTokenKeys,
  "0016_batch_api_token": batchApiToken,
};
