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
  const found = new Map<string, PhoneDecision>();
  for (const [id, row] of await lastDecisionRows(db, projectId, imageIds)) {
    found.set(id, {
      action: row.action as PhoneDecision["action"],
      at: Number(row.occurred_at),
      userName: row.user_name,
    });
  }
  return found;
}

/**
 * The CBR vault each image was accepted with, for images whose last decision through this console
 * was an accept that named one (full-ECS images from a CBR backup): IMS does not report it back.
 */
export async function acceptVaults(
  db: Kysely<Database>,
  projectId: string,
  imageIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const [id, row] of await lastDecisionRows(db, projectId, imageIds)) {
    const vaultId = row.action === "accept" ? vaultOf(row.input) : undefined;
    if (vaultId) found.set(id, vaultId);
  }
  return found;
}

type DecisionRow = { action: string; occurred_at: number | string; user_name: string; input: string };

async function lastDecisionRows(
  db: Kysely<Database>,
  projectId: string,
  imageIds: readonly string[],
): Promise<Map<string, DecisionRow>> {
  const wanted = [...new Set(imageIds)];
  const found = new Map<string, DecisionRow>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const chunk = wanted.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom("audit_events")
      .select(["action", "occurred_at", "user_name", "outcome", "images", "pairs", "input"])
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
        found.set(id, row);
        open.delete(id);
      }
    }
  }
  return found;
}

/** The vault an accept named: in its input, or in `input.input` where the event keeps details beside it. */
function vaultOf(input: string): string | undefined {
  try {
    const value = JSON.parse(input) as { vaultId?: unknown; input?: { vaultId?: unknown } } | null;
    const vaultId = value?.vaultId ?? value?.input?.vaultId;
    return typeof vaultId === "string" && vaultId ? vaultId : undefined;
  } catch {
    return undefined;
  }
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
