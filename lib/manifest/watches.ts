import { randomUUID } from "node:crypto";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { StoredSession } from "@/lib/auth/session-store";
import type { Database, WatchedManifestsTable, WatchStatus } from "@/lib/db/types";
import { parseText, type Text } from "@/lib/i18n/text";

type Db = Kysely<Database> | Transaction<Database>;

/** A pair the cloud has and the file does not (`remove`), or the file has and the cloud does not (`add`). */
export interface DriftEntry {
  action: "add" | "remove";
  image: string;
  imageName: string;
  service: "ims" | "cph";
  target: { kind: string; value: string; memberId: string };
  memberStatus?: string;
  /** The last change of this pair the history knows (console, API, lease or CTS import), if any. */
  changedBy?: { user: string; source: string; action: string; at: number };
}

/** A watched manifest as the page, the API and the checker read it. */
export interface WatchView {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
  savedBy: string;
  updatedAt: number;
  status: WatchStatus;
  statusText?: Text;
  drift: DriftEntry[];
  driftCount: number;
  checkedAt: number | null;
}

/** The whole row, for the checker and the editor (the source is not in the list). */
export interface WatchRow extends WatchView {
  accountId: string;
  accountName: string;
  region: string;
  source: string;
  savedById: string;
  driftDigest: string | null;
  notifiedDigest: string | null;
}

/** The manifests whose last check found the cloud's sharing drifted from them (`/manifests?watches=drift`). */
export function driftedWatches<W extends Pick<WatchView, "status">>(rows: readonly W[]): W[] {
  return rows.filter((w) => w.status === "drift");
}

/** The most manifests one project watches: each check reads every owned image's members. */
export const MAX_WATCHES = 20;

function toRow(r: Selectable<WatchedManifestsTable>): WatchRow {
  return {
    id: r.id,
    name: r.name,
    accountId: r.account_id,
    accountName: r.account_name,
    projectId: r.project_id,
    projectName: r.project_name,
    region: r.region,
    source: r.source,
    savedById: r.saved_by_id,
    savedBy: r.saved_by_name,
    updatedAt: Number(r.updated_at),
    status: r.status,
    ...(r.status_text ? { statusText: parseText(r.status_text) } : {}),
    drift: JSON.parse(r.drift) as DriftEntry[],
    driftCount: r.drift_count,
    checkedAt: r.checked_at === null ? null : Number(r.checked_at),
    driftDigest: r.drift_digest,
    notifiedDigest: r.notified_digest,
  };
}

/**
 * Saves a manifest under its name in the saver's project: a new one, or the same name's new text.
 * Either way it is checked at once (due now) with the saver's token from then on. Returns its id.
 */
export async function saveWatch(
  db: Kysely<Database>,
  saver: Pick<
    StoredSession,
    "accountId" | "accountName" | "projectId" | "projectName" | "region" | "userId" | "userName"
  >,
  name: string,
  source: string,
  now = Date.now(),
): Promise<{ id: string; created: boolean }> {
  const change = {
    source,
    saved_by_id: saver.userId,
    saved_by_name: saver.userName,
    updated_at: now,
    due_at: now,
  };
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom("watched_manifests")
      .select("id")
      .where("account_id", "=", saver.accountId)
      .where("project_id", "=", saver.projectId)
      .where("name", "=", name)
      .executeTakeFirst();
    if (existing) {
      await tx.updateTable("watched_manifests").set(change).where("id", "=", existing.id).execute();
      return { id: existing.id, created: false };
    }
    const id = randomUUID();
    await tx
      .insertInto("watched_manifests")
      .values({
        id,
        account_id: saver.accountId,
        account_name: saver.accountName,
        project_id: saver.projectId,
        project_name: saver.projectName,
        region: saver.region,
        name,
        created_at: now,
        ...change,
      })
      .execute();
    return { id, created: true };
  });
}

/** How many manifests a project watches. */
export async function countWatches(db: Db, accountId: string, projectId: string): Promise<number> {
  const row = await db
    .selectFrom("watched_manifests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("account_id", "=", accountId)
    .where("project_id", "=", projectId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The project's watched manifests, by name. */
export async function listWatches(db: Db, accountId: string, projectId: string): Promise<WatchRow[]> {
  const rows = await db
    .selectFrom("watched_manifests")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("project_id", "=", projectId)
    .orderBy("name")
    .execute();
  return rows.map(toRow);
}

/** One manifest of the account's project, or undefined: another project's is as absent as an unknown id. */
export async function getWatch(
  db: Db,
  accountId: string,
  projectId: string,
  id: string,
): Promise<WatchRow | undefined> {
  const row = await db
    .selectFrom("watched_manifests")
    .selectAll()
    .where("id", "=", id)
    .where("account_id", "=", accountId)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** Stops watching; false when there was nothing of this project's to remove. */
export async function removeWatch(db: Db, accountId: string, projectId: string, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom("watched_manifests")
    .where("id", "=", id)
    .where("account_id", "=", accountId)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Makes a project's manifests due now (after a CTS import, or "Check now"); returns how many. */
export async function makeDue(db: Db, accountId: string, projectId: string, now: number, id?: string): Promise<number> {
  let q = db
    .updateTable("watched_manifests")
    .set({ due_at: now })
    .where("account_id", "=", accountId)
    .where("project_id", "=", projectId);
  if (id) q = q.where("id", "=", id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Claims up to `limit` due manifests for `holder` until `until`, as the lease scheduler claims leases:
 * a conditional update, so two instances never check the same manifest at once, and a claim that
 * dies with its instance lapses.
 */
export async function claimDueWatches(
  db: Kysely<Database>,
  holder: string,
  now: number,
  until: number,
  limit: number,
): Promise<WatchRow[]> {
  await db
    .updateTable("watched_manifests")
    .set({ claim_owner: holder, claim_until: until })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("watched_manifests")
        .select("id")
        .where("due_at", "<=", now)
        .where((e) => e.or([e("claim_owner", "is", null), e("claim_until", "<", now)]))
        .orderBy("due_at")
        .limit(limit),
    )
    .where((eb) => eb.or([eb("claim_owner", "is", null), eb("claim_until", "<", now)]))
    .execute();
  const rows = await db
    .selectFrom("watched_manifests")
    .selectAll()
    .where("claim_owner", "=", holder)
    .where("claim_until", "=", until)
    .execute();
  return rows.map(toRow);
}
