import { UserError } from "@/lib/errors";
import { text } from "@/lib/i18n/text";
import { UUID } from "@/lib/ids";
import type { Db } from "./pair-store";
import { getBatch } from "./store";
import type { BatchScope, BatchSummary } from "./types";

/**
 * The batch a route may serve (the console's and the API's): the same `not_found` for a batch of another
 * account or project as for an id that is no batch id, which is not looked up.
 */
export async function findBatch(db: Db, id: string, scope: BatchScope): Promise<BatchSummary> {
  const summary = UUID.test(id) ? await getBatch(db, id, scope) : undefined;
  if (!summary) throw new UserError("not_found", text("errors.said.batchNotFound"));
  return summary;
}
