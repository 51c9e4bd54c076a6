import type { Kysely } from "kysely";
import type { AuditPair } from "@/lib/audit/writer";
import type { Database } from "@/lib/db/types";

export interface PhoneDecision {
  action: "accept" | "reject";
  /** Epoch milliseconds. */
  at: number;
  userName: string;
}

/** Image ids per query: each becomes one `like` test, and SQLite limits how deep an expression may nest. */
const CHUNK = 50;

/**
 * The last accept or reject of each image made through this console in a project, from the audit
 * trail (CPH itself does not report a member's status). An event counts for an image when it
 * succeeded, or when it was partial and that image's own pair succeeded.
 */
export async function lastPhoneDecisions(
  db: Kysely<Database>,
  projectId: string,
  imageIds: readonly string[],
): Promise<Map<string, PhoneDecision>> {
  const wanted = [...new Set(imageIds)];
  const found = new Map<string, PhoneDecision>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const chunk = wanted.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom("audit_events")
      .select(["action", "occurred_at", "user_name", "outcome", "images", "pairs"])
      .where("project_id", "=", projectId)
      .where("source", "=", "console")
      .where("action", "in", ["accept", "reject"])
      .where("outcome", "in", ["succeeded", "partial"])
      // A pre-filter only: the JSON is read below, so `_` or `%` in an id cannot match the wrong image.
      .where((eb) => eb.or(chunk.map((id) => eb("images", "like", `%"${id}"%`))))
      .orderBy("occurred_at", "desc")
      .orderBy("seq", "desc")
      .execute();
    const open = new Set(chunk);
    for (const row of rows) {
      if (open.size === 0) break;
      const images = parse<string[]>(row.images);
      const pairs = parse<AuditPair[]>(row.pairs);
      for (const id of images) {
        if (!open.has(id) || !succeeded(row.outcome, pairs, id)) continue;
        found.set(id, {
          action: row.action as PhoneDecision["action"],
          at: Number(row.occurred_at),
          userName: row.user_name,
        });
        open.delete(id);
      }
    }
  }
  return found;
}

function succeeded(outcome: string, pairs: AuditPair[], imageId: string): boolean {
  if (outcome === "succeeded") return true;
  return pairs.some((p) => p.image === imageId && p.outcome === "succeeded");
}

function parse<T extends unknown[]>(json: string): T {
  try {
    const value: unknown = JSON.parse(json);
    return (Array.isArray(value) ? value : []) as T;
  } catch {
    return [] as unknown as T;
  }
}
