import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import type { NameEntry } from "./validate";

export interface StoredName extends NameEntry {
  updatedBy: string;
  updatedAt: number;
}

/** Every name of the account's address book, by name. */
export async function listNames(db: Kysely<Database>, accountId: string): Promise<StoredName[]> {
  const rows = await db
    .selectFrom("target_names")
    .selectAll()
    .where("account_id", "=", accountId)
    .orderBy("name")
    .orderBy("target_id")
    .execute();
  return rows.map((r) => ({
    id: r.target_id,
    name: r.name,
    note: r.note,
    updatedBy: r.updated_by,
    updatedAt: Number(r.updated_at),
  }));
}

/** Gives (or replaces) the names of these ids, all or none. */
export async function saveNames(
  db: Kysely<Database>,
  accountId: string,
  entries: NameEntry[],
  by: string,
  now = Date.now(),
): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction().execute(async (tx) => {
    for (const e of entries) {
      await tx
        .insertInto("target_names")
        .values({ account_id: accountId, target_id: e.id, name: e.name, note: e.note, updated_by: by, updated_at: now })
        .onConflict((oc) =>
          oc
            .columns(["account_id", "target_id"])
            .doUpdateSet({ name: e.name, note: e.note, updated_by: by, updated_at: now }),
        )
        .execute();
    }
  });
}

/** Removes the name of an id; false when it had none. */
export async function removeName(db: Kysely<Database>, accountId: string, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom("target_names")
    .where("account_id", "=", accountId)
    .where("target_id", "=", id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
