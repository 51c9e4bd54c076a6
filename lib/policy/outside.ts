import "server-only";
import type { Kysely } from "kysely";
import type { AuditPair } from "@/lib/audit/writer";
import type { Database } from "@/lib/db/types";
import { outsidePolicy, targetOfMemberId, type PairVerdict, type PolicyWorld } from "./evaluate";
import type { SharingPolicy } from "./policy";

/** A share made outside the console (imported from CTS) that the account's policy would not have allowed. */
export interface OutsideShare {
  eventId: string;
  occurredAt: number;
  userName: string;
  image: string;
  target: string;
  verdict: PairVerdict;
}

/**
 * The project's shares imported from CTS since `since` that the policy would not have allowed, newest
 * first, pair by pair (a pair that failed in the cloud is left out).
 */
export async function outsideShares(
  db: Kysely<Database>,
  scope: { accountId: string; projectId: string },
  policy: SharingPolicy,
  world: PolicyWorld,
  since: number,
): Promise<OutsideShare[]> {
  if (policy.mode === "off") return [];
  const rows = await db
    .selectFrom("audit_events")
    .select(["id", "occurred_at", "user_name", "images", "targets", "pairs"])
    .where("account_id", "=", scope.accountId)
    .where("project_id", "=", scope.projectId)
    .where("source", "=", "cts")
    .where("action", "=", "share")
    .where("outcome", "in", ["succeeded", "partial"])
    .where("occurred_at", ">=", since)
    .orderBy("occurred_at", "desc")
    .limit(500)
    .execute();
  return rows.flatMap((r) => {
    const pairs = JSON.parse(r.pairs) as AuditPair[];
    const shared = pairs.length
      ? pairs.filter((p) => p.outcome === "succeeded")
      : (JSON.parse(r.images) as string[]).flatMap((image) =>
          (JSON.parse(r.targets) as string[]).map((target) => ({ image, target })),
        );
    return shared.flatMap(({ image, target }) => {
      const verdict = outsidePolicy(policy, world, targetOfMemberId(target, world));
      return verdict
        ? [{ eventId: r.id, occurredAt: Number(r.occurred_at), userName: r.user_name, image, target, verdict }]
        : [];
    });
  });
}
