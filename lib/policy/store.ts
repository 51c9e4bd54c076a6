import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import { NO_POLICY, policySchema, type SharingPolicy } from "./policy";

export interface StoredPolicy {
  policy: SharingPolicy;
  /** Who wrote it last, and when; absent for an account that never had one. */
  updatedBy?: string;
  updatedAt?: number;
}

/** The account's policy; no policy (`NO_POLICY`) until an admin writes one. */
export async function readPolicy(db: Kysely<Database>, accountId: string): Promise<StoredPolicy> {
  const row = await db
    .selectFrom("sharing_policies")
    .selectAll()
    .where("account_id", "=", accountId)
    .executeTakeFirst();
  if (!row) return { policy: NO_POLICY };
  // A document written by an older console may lack a newer rule: the rule's default fills it.
  const parsed = policySchema.safeParse({ ...NO_POLICY, ...JSON.parse(row.policy) });
  if (!parsed.success) throw new Error(`sharing policy of ${accountId} is not readable: ${parsed.error.message}`);
  return { policy: parsed.data, updatedBy: row.updated_by, updatedAt: Number(row.updated_at) };
}

/** Writes the account's policy, and gives back the one it replaced. */
export async function savePolicy(
  db: Kysely<Database>,
  accountId: string,
  policy: SharingPolicy,
  by: string,
  now = Date.now(),
): Promise<SharingPolicy> {
  return db.transaction().execute(async (tx) => {
    const before = await readPolicy(tx, accountId);
    const values = { policy: JSON.stringify(policy), updated_by: by, updated_at: now };
    await tx
      .insertInto("sharing_policies")
      .values({ account_id: accountId, ...values })
      .onConflict((oc) => oc.column("account_id").doUpdateSet(values))
      .execute();
    return before.policy;
  });
}

const SHARING = ["share", "batch_launched", "batch_finished", "batch_retried"];

/**
 * Of these targets and images, the ones the project has shared before (a share or a batch that did not
 * wholly fail, in the history): a share with anything else is a first.
 */
export async function sharedBefore(
  db: Kysely<Database>,
  scope: { accountId: string; projectId: string },
  refs: { targets: string[]; images: string[] },
): Promise<{ targets: Set<string>; images: Set<string> }> {
  const found = async (kind: "target" | "image", values: string[]) => {
    if (values.length === 0) return new Set<string>();
    const rows = await db
      .selectFrom("audit_refs as r")
      .innerJoin("audit_events as e", "e.seq", "r.seq")
      .select("r.ref")
      .distinct()
      .where("r.account_id", "=", scope.accountId)
      .where("r.project_id", "=", scope.projectId)
      .where("r.kind", "=", kind)
      .where("r.ref", "in", [...new Set(values)])
      .where("e.action", "in", SHARING)
      .where("e.outcome", "in", ["succeeded", "partial"])
      .execute();
    return new Set(rows.map((r) => r.ref));
  };
  const [targets, images] = await Promise.all([found("target", refs.targets), found("image", refs.images)]);
  return { targets, images };
}
