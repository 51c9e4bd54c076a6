import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import { jobGivenUp } from "./call-states";
import { runningCalls, updateCall } from "./call-store";
import { bumpVersion, pairsOfCall } from "./pair-store";

/**
 * The user stopped waiting for the batch's running jobs (no progress for a while): each is moved to
 * `lost`, due now, as the tracker's job timeout does, and the instance that holds the batch's lease
 * reads their pairs from the members on its next step (reconcile): applied pairs succeed, the others
 * are sent again. Only the call's status is written here, and only while it is still `running`, so
 * no cloud call is made outside the lease and a job that ended meanwhile keeps its outcome. Returns
 * how many pairs the given-up jobs carry.
 */
export async function giveUpJobs(db: Kysely<Database>, batchId: string, now = Date.now()): Promise<number> {
  let pairs = 0;
  for (const call of await runningCalls(db, batchId)) {
    if (await updateCall(db, call.id, jobGivenUp(call, now), "running"))
      pairs += (await pairsOfCall(db, call.id, ["running"])).length;
  }
  if (pairs > 0) await bumpVersion(db, batchId, now);
  return pairs;
}
