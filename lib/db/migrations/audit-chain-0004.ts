import { createHash } from "node:crypto";
import type { Kysely } from "kysely";

// Frozen: the audit hash chain exactly as migration 0004 wrote it onto the events before it. Never change
// this file; the live chain (lib/audit/chain.ts) must keep verifying what it wrote.

const GENESIS = "0".repeat(64);

/** The columns a hash covers, in a fixed order: everything but `seq`, `hash` and `prev_hash` itself. */
const HASHED = [
  "id",
  "occurred_at",
  "account_id",
  "account_name",
  "user_id",
  "user_name",
  "project_id",
  "project_name",
  "region",
  "action",
  "source",
  "outcome",
  "images",
  "targets",
  "pairs",
  "input",
  "error_code",
  "error_message",
  "upstream_request_id",
  "upstream_job_id",
  "duration_ms",
  "external_id",
] as const;

/** The tables as migration 0004 left them, as far as chaining reads and writes them. */
interface Tables {
  audit_events: {
    seq: number;
    id: string;
    occurred_at: number;
    account_id: string;
    account_name: string;
    user_id: string;
    user_name: string;
    project_id: string;
    project_name: string;
    region: string;
    action: string;
    source: string;
    outcome: string;
    images: string;
    targets: string;
    pairs: string;
    input: string;
    error_code: string | null;
    error_message: string | null;
    upstream_request_id: string | null;
    upstream_job_id: string | null;
    duration_ms: number;
    prev_hash: string | null;
    hash: string | null;
    external_id: string | null;
  };
  audit_refs: { account_id: string; project_id: string; kind: string; ref: string; occurred_at: number; seq: number };
  audit_chain_heads: { account_id: string; seq: number; hash: string; count: number; base: string };
}

export function eventHash0004(
  event: Partial<Pick<Tables["audit_events"], (typeof HASHED)[number]>>,
  prevHash: string,
): string {
  const values = HASHED.map((f) => {
    const v = event[f];
    return v === undefined ? null : typeof v === "number" ? Number(v) : v;
  });
  return createHash("sha256")
    .update(JSON.stringify([prevHash, ...values]))
    .digest("hex");
}

/** Chains events written before the chain existed, account by account, in `seq` order. */
export async function chainExisting0004(db: Kysely<Tables>): Promise<void> {
  const accounts = await db.selectFrom("audit_events").select("account_id").distinct().execute();
  for (const { account_id } of accounts) {
    let prev = GENESIS;
    let last = 0;
    let count = 0;
    for (;;) {
      const rows = await db
        .selectFrom("audit_events")
        .selectAll()
        .where("account_id", "=", account_id)
        .where("seq", ">", last)
        .orderBy("seq")
        .limit(1_000)
        .execute();
      for (const r of rows) {
        const hash = eventHash0004(r, prev);
        await db.updateTable("audit_events").set({ prev_hash: prev, hash }).where("seq", "=", r.seq).execute();
        prev = hash;
        last = Number(r.seq);
        count++;
        let images: string[] = [];
        let targets: string[] = [];
        try {
          images = JSON.parse(r.images);
          targets = JSON.parse(r.targets);
        } catch {
          // an unreadable list is left unindexed; the row itself is kept as it is
        }
        const refRows = [
          ...images.map((ref) => ({ kind: "image", ref })),
          ...targets.map((ref) => ({ kind: "target", ref })),
        ];
        if (refRows.length)
          await db
            .insertInto("audit_refs")
            .values(
              refRows.map((x) => ({
                ...x,
                account_id,
                project_id: r.project_id,
                occurred_at: r.occurred_at,
                seq: r.seq,
              })),
            )
            .execute();
      }
      if (rows.length < 1_000) break;
    }
    await db
      .insertInto("audit_chain_heads")
      .values({ account_id, seq: last, hash: prev, count, base: GENESIS })
      .execute();
  }
}
