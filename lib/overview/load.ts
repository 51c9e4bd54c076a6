import "server-only";
import { scopeOf } from "@/lib/auth/session";
import type { StoredSession } from "@/lib/auth/session-store";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { toAppError } from "@/lib/errors";
import { forReader } from "@/lib/localize/errors";
import { errorTranslator, textTranslator } from "@/lib/localize/translator";
import { flagOutside } from "@/lib/sharing/policy";
import { activityTile } from "./activity";
import { incomingTile, nearLimitTile } from "./cloud";
import { approvalsTile, batchesTile, ctsTile, driftTile, leasesTile, outsideTile } from "./records";
import type { TileAnswer, TileData, TileName } from "./types";

type Loaders = { [K in TileName]: (s: StoredSession, now: number) => Promise<TileData[K]> };

/**
 * Each tile's one read: the database, or the cloud once (a list and, where the tile needs it, one
 * concurrent round of reads of what it listed). No tile waits for another.
 */
const LOADERS: Loaders = {
  incoming: (s) => incomingTile(scopeOf(s)),
  approvals: async (s, now) => approvalsTile(await getDb(), s, now),
  batches: async (s, now) => batchesTile(await getDb(), s, now),
  leases: async (s, now) => leasesTile(await getDb(), s, now),
  outside: async (s, now) =>
    // flagOutside answers an empty set when the policy or its reads fail: the changes are listed unflagged.
    outsideTile(await getDb(), s, now, (events) => flagOutside(scopeOf(s), s, events)),
  drift: async (s) => driftTile(await getDb(), s),
  nearLimit: (s) => nearLimitTile(scopeOf(s)),
  cts: async (s, now) => ctsTile(await getDb(), s, now, env.CTS_IMPORT_INTERVAL_MS),
  activity: async (s, now) => activityTile(await getDb(), { accountId: s.accountId, projectId: s.projectId }, now),
};

export const isTileName = (name: string): name is TileName => Object.hasOwn(LOADERS, name);

/** One tile read for this session; a failure is its own answer, said in the reader's language. */
export async function loadTile<K extends TileName>(name: K, session: StoredSession): Promise<TileAnswer<TileData[K]>> {
  const now = Date.now();
  try {
    return { ok: true, data: await LOADERS[name](session, now), at: now };
  } catch (e) {
    const error = toAppError(e);
    if (error.code === "internal") console.error(`overview tile ${name} failed:`, e);
    return { ok: false, error: forReader(error, await errorTranslator(), await textTranslator()), at: now };
  }
}
