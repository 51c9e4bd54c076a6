import type { Kysely } from "kysely";
import type { Database, WatchStatus } from "@/lib/db/types";
import { text, type Text } from "@/lib/i18n/text";
import { enqueue } from "@/lib/notify/store";
import type { DriftEntry, WatchRow } from "./watches";

/** What one check found. */
export type CheckOutcome =
  | { status: "ok" | "drift"; drift: DriftEntry[]; digest: string }
  | { status: Extract<WatchStatus, "waiting" | "failed">; reason: Text };

/**
 * Records a check's outcome, if `holder` still holds the manifest (a claim that lapsed and was taken
 * over records nothing), and makes the next check due `nextDueAt`. Drift not announced before is
 * announced (`manifest.drift`) in the same transaction, so a crash neither loses nor doubles the
 * notice; drift that stays the same is told once, and again only once it changed.
 */
export async function recordCheck(
  db: Kysely<Database>,
  watch: WatchRow,
  holder: string,
  outcome: CheckOutcome,
  now: number,
  nextDueAt: number,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const checked =
      "reason" in outcome
        ? { status: outcome.status, status_text: JSON.stringify(outcome.reason) }
        : {
            status: outcome.status,
            status_text: null,
            drift: JSON.stringify(outcome.drift),
            drift_count: outcome.drift.length,
            drift_digest: outcome.status === "drift" ? outcome.digest : null,
            checked_at: now,
          };
    const announce = outcome.status === "drift" && outcome.digest !== watch.notifiedDigest ? outcome.digest : undefined;
    const res = await tx
      .updateTable("watched_manifests")
      .set({
        ...checked,
        ...(announce ? { notified_digest: announce } : {}),
        // Back in sync: the next drift is news again, even one like the last.
        ...(outcome.status === "ok" ? { notified_digest: null } : {}),
        due_at: nextDueAt,
        claim_owner: null,
        claim_until: 0,
      })
      .where("id", "=", watch.id)
      .where("claim_owner", "=", holder)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    if (announce && outcome.status === "drift") await enqueue(tx, driftNotice(watch, outcome.drift, now));
    return true;
  });
}

function driftNotice(watch: WatchRow, drift: DriftEntry[], now: number) {
  const adds = drift.filter((d) => d.action === "add").length;
  const last = drift.flatMap((d) => (d.changedBy ? [d.changedBy] : [])).sort((a, b) => b.at - a.at)[0];
  return {
    type: "manifest.drift" as const,
    accountId: watch.accountId,
    accountName: watch.accountName,
    project: { id: watch.projectId, name: watch.projectName, region: watch.region },
    title: text("drift.notice.title", { name: watch.name }),
    text: last
      ? text("drift.notice.textBy", { name: watch.name, adds, removes: drift.length - adds, user: last.user })
      : text("drift.notice.text", { name: watch.name, adds, removes: drift.length - adds }),
    link: `/manifests?watch=${watch.id}`,
    data: {
      manifest: watch.id,
      name: watch.name,
      pairs: drift.map((d) => ({
        action: d.action,
        image: d.image,
        target: d.target.value,
        ...(d.changedBy && { changedBy: d.changedBy.user, source: d.changedBy.source }),
      })),
    },
    occurredAt: now,
  };
}
