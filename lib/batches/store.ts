import { randomUUID } from "node:crypto";
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { BatchesTable, Database, PairStatus } from "@/lib/db/types";
import type { TargetKind } from "@/lib/sharing/targets";
import { INSERT_CHUNK, type Db } from "./pair-store";
import { text } from "@/lib/i18n/text";
import { reasonColumns, statusColumns, storedReason } from "./reason";
import {
  OPEN_PAIR_STATUSES,
  PAIR_STATUSES,
  type BatchCounts,
  type BatchImage,
  type BatchPairView,
  type BatchScope,
  type BatchSummary,
  type NewBatch,
} from "./types";

export { bumpVersion, cancelWaiting, retryFailed, updatePairs } from "./pair-store";

/** Records a planned batch with every pair; the tracker picks it up. Returns its id. */
export async function createBatch(db: Kysely<Database>, batch: NewBatch, now = Date.now()): Promise<string> {
  const id = randomUUID();
  const a = batch.actor;
  const launched = batch.pairs.some((p) => p.status === "waiting");
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("batches")
      .values({
        id,
        account_id: a.accountId,
        account_name: a.accountName,
        project_id: a.projectId,
        project_name: a.projectName,
        region: a.region,
        user_id: a.userId,
        user_name: a.userName,
        operation: batch.operation,
        lease_ends_at: batch.leaseEndsAt ?? null,
        status: launched ? "running" : "finished",
        ...statusColumns(launched ? null : text("batches.statusReason.nothingToSend")),
        images: JSON.stringify(batch.images),
        targets: JSON.stringify(batch.targets),
        image_count: batch.images.length,
        target_count: batch.targets.length,
        pair_count: batch.pairs.length,
        version: 1,
        lease_owner: null,
        lease_until: 0,
        waiting_since: null,
        reported_version: 0,
        api_token_id: batch.apiTokenId ?? null,
        created_at: now,
        updated_at: now,
        finished_at: launched ? null : now,
      })
      .execute();
    const rows = batch.pairs.map((p, idx) => {
      const image = batch.images[p.image];
      const target = batch.targets[p.target];
      return {
        batch_id: id,
        idx,
        image_id: image.id,
        image_name: image.name,
        service: image.service,
        target_kind: target.kind,
        target: target.value,
        member_id: target.memberId,
        status: p.status,
        code: null,
        ...reasonColumns(p.reason ?? null),
        attempt: 0,
        call_id: null,
        version: 1,
        updated_at: now,
      };
    });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK)
      await tx
        .insertInto("batch_pairs")
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
    if (batch.approvalRequestId !== undefined)
      await tx
        .updateTable("approval_requests")
        .set({ batch_id: id })
        .where("id", "=", batch.approvalRequestId)
        .execute();
  });
  return id;
}

/** The batch if it belongs to this account and project; undefined otherwise (the pages answer 404). */
export async function getBatch(db: Db, id: string, scope: BatchScope): Promise<BatchSummary | undefined> {
  const row = await db
    .selectFrom("batches")
    .selectAll()
    .where("id", "=", id)
    .where("account_id", "=", scope.accountId)
    .where("project_id", "=", scope.projectId)
    .executeTakeFirst();
  return row ? summarize(db, row) : undefined;
}

/** The batch's version, read alone (the live views' cheap check for news); undefined when it is gone. */
export async function batchVersion(db: Db, id: string): Promise<number | undefined> {
  const row = await db.selectFrom("batches").select("version").where("id", "=", id).executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

/** The batch by id alone, for the tracker. */
export async function getBatchRow(db: Db, id: string) {
  return db.selectFrom("batches").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Which of a project's batches a list keeps (lib/batches/attention.ts). */
export type BatchFilter = (eb: ExpressionBuilder<Database, "batches">) => Expression<SqlBool>;

/** A page of batches: at most `limit`, after `before`, the last one shown (keyset on created time, then id). */
export interface BatchPage {
  limit?: number;
  before?: { createdAt: number; id: string };
}

/** The project's batches, newest first, those `filter` keeps when there is one. */
export async function listBatches(
  db: Db,
  scope: BatchScope,
  page: BatchPage = {},
  filter?: BatchFilter,
): Promise<BatchSummary[]> {
  let q = db
    .selectFrom("batches")
    .selectAll()
    .where("account_id", "=", scope.accountId)
    .where("project_id", "=", scope.projectId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit ?? 50);
  if (filter) q = q.where(filter);
  const before = page.before;
  if (before)
    q = q.where((eb) =>
      eb.or([
        eb("created_at", "<", before.createdAt),
        eb.and([eb("created_at", "=", before.createdAt), eb("id", "<", before.id)]),
      ]),
    );
  const rows = await q.execute();
  return Promise.all(rows.map((r) => summarize(db, r)));
}

/** A batch's pairs with the job of the call that carries each. */
function pairQuery(db: Db, batchId: string) {
  return db
    .selectFrom("batch_pairs as p")
    .leftJoin("batch_calls as c", "c.id", "p.call_id")
    .select([
      "p.idx",
      "p.image_id",
      "p.image_name",
      "p.service",
      "p.target_kind",
      "p.target",
      "p.member_id",
      "p.status",
      "p.code",
      "p.reason",
      "p.reason_text",
      "p.attempt",
      "p.version",
      "p.updated_at",
      "c.job_id",
    ])
    .where("p.batch_id", "=", batchId)
    .orderBy("p.idx");
}

type PairRow = Awaited<ReturnType<ReturnType<typeof pairQuery>["execute"]>>[number];

function pairView(r: PairRow): BatchPairView {
  return {
    idx: r.idx,
    imageId: r.image_id,
    imageName: r.image_name,
    service: r.service,
    targetKind: r.target_kind as TargetKind,
    target: r.target,
    memberId: r.member_id,
    status: r.status,
    code: r.code,
    reason: r.reason,
    reasonText: storedReason(r.reason_text),
    attempt: r.attempt,
    jobId: r.job_id ?? null,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Pairs changed after `since` (0: all of them), in index order, of the given statuses when there are some. */
export async function pairsSince(
  db: Db,
  batchId: string,
  since = 0,
  statuses: readonly PairStatus[] = [],
): Promise<BatchPairView[]> {
  let q = pairQuery(db, batchId).where("p.version", ">", since);
  if (statuses.length) q = q.where("p.status", "in", statuses);
  return (await q.execute()).map(pairView);
}

/** Every pair of a batch, read in pages so that an export of 20,000 pairs never sits in memory. */
export async function* streamPairs(db: Db, batchId: string, pageSize = 2_000): AsyncGenerator<BatchPairView> {
  let after = -1;
  for (;;) {
    const rows = await pairQuery(db, batchId).where("p.idx", ">", after).limit(pageSize).execute();
    for (const r of rows) yield pairView(r);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].idx;
  }
}

/** Pair counts by status. */
export async function countPairs(db: Db, batchId: string): Promise<BatchCounts> {
  const rows = await db
    .selectFrom("batch_pairs")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("batch_id", "=", batchId)
    .groupBy("status")
    .execute();
  const counts = { ...Object.fromEntries(PAIR_STATUSES.map((s) => [s, 0])), launched: 0, done: 0 } as BatchCounts;
  for (const r of rows) counts[r.status] = Number(r.n);
  counts.done = counts.succeeded + counts.failed + counts.cancelled;
  counts.launched = counts.done + OPEN_PAIR_STATUSES.reduce((n, s) => n + counts[s], 0);
  return counts;
}

async function summarize(db: Db, row: BatchesTable): Promise<BatchSummary> {
  const counts = await countPairs(db, row.id);
  const running = await db
    .selectFrom("batch_pairs as p")
    .innerJoin("batch_calls as c", "c.id", "p.call_id")
    .select([sql<number>`sum(c.progress)`.as("progress")])
    .where("p.batch_id", "=", row.id)
    .where("p.status", "=", "running")
    .executeTakeFirst();
  const calls = await db
    .selectFrom("batch_calls")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("batch_id", "=", row.id)
    .executeTakeFirst();
  const partial = Number(running?.progress ?? 0) / 100;
  const progress = counts.launched === 0 ? 1 : Math.min(1, (counts.done + partial) / counts.launched);
  return {
    id: row.id,
    operation: row.operation,
    status: row.status,
    statusMessage: row.status_message,
    statusText: storedReason(row.status_text),
    accountId: row.account_id,
    projectId: row.project_id,
    projectName: row.project_name,
    region: row.region,
    userId: row.user_id,
    userName: row.user_name,
    imageCount: row.image_count,
    targetCount: row.target_count,
    pairCount: row.pair_count,
    counts,
    progress,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    calls: Number(calls?.n ?? 0),
  };
}

/** The batch's images, as launched. */
export function imagesOf(row: Pick<BatchesTable, "images">): BatchImage[] {
  return JSON.parse(row.images) as BatchImage[];
}
