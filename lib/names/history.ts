import type { Kysely } from "kysely";
import type { HistoryFilter } from "@/lib/audit/filter";
import type { HistoryScope, ResolvedFilter } from "@/lib/audit/read";
import type { Database } from "@/lib/db/types";
import { MEMBER_ID, UUID } from "@/lib/ids";
import { idsNamed, type Names } from "./lookup";

/** Part of an id worth looking up: four or more of an id's characters. */
const FRAGMENT = /^[0-9A-Za-z_-]{4,64}$/;
const MAX_IDS = 100;

/** The ids of `kind` the scope's history holds that start with `prefix` (an index range, either database). */
async function refsStartingWith(
  db: Kysely<Database>,
  scope: HistoryScope,
  kind: "image" | "target",
  prefix: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_refs")
    .select("ref")
    .distinct()
    .where("account_id", "=", scope.accountId)
    .where("project_id", "=", scope.projectId)
    .where("kind", "=", kind)
    .where("ref", ">=", prefix)
    .where("ref", "<", `${prefix}\uffff`)
    .limit(MAX_IDS)
    .execute();
  return rows.map((r) => r.ref);
}

const unique = (ids: string[]) => [...new Set(ids)].slice(0, MAX_IDS);

/**
 * Turns what was typed in History's image and member filters into the ids it stands for: a member's
 * name (address book, own projects) or part of its id; an image's name (`imagesNamed`, the project's
 * images of that name) or part of its id. A whole id stays as it is; text that stands for nothing
 * stays too, and then matches no event.
 */
export async function resolveHistoryFilter(
  db: Kysely<Database>,
  scope: HistoryScope,
  filter: HistoryFilter,
  names: Names,
  imagesNamed: (name: string) => Promise<string[]> = async () => [],
): Promise<ResolvedFilter> {
  const refsAnyOf: NonNullable<ResolvedFilter["refsAnyOf"]> = {};
  const member = filter.member;
  if (member && !MEMBER_ID.test(member)) {
    const fragment = FRAGMENT.test(member) ? member.toLowerCase() : undefined;
    const ids = [
      ...idsNamed(names, member),
      ...(fragment ? await refsStartingWith(db, scope, "target", fragment) : []),
    ];
    if (ids.length) refsAnyOf.member = unique(ids);
  }
  const image = filter.image;
  if (image && !UUID.test(image)) {
    const [named, started] = await Promise.all([
      imagesNamed(image).catch(() => []),
      FRAGMENT.test(image) ? refsStartingWith(db, scope, "image", image) : [],
    ]);
    if (named.length + started.length) refsAnyOf.image = unique([...named, ...started]);
  }
  return { ...filter, refsAnyOf };
}
