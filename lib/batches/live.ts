import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import { onBatchChange } from "./events";
import { batchVersion, getBatch, pairsSince } from "./store";
import type { BatchPairView, BatchScope, BatchSummary } from "./types";

/**
 * `snapshot`: the first event of a subscriber (summary and every pair changed after its `since`).
 * `update`: pairs changed since the previous event. `missing`: the batch is gone or not in the scope.
 */
export type LiveEvent =
  { type: "snapshot" | "update"; summary: BatchSummary; pairs: BatchPairView[] } | { type: "missing" };

export type Unsubscribe = () => void;

interface Subscriber {
  scope: BatchScope;
  since: number;
  onEvent: (event: LiveEvent) => void;
  /** False until its snapshot was sent; the loop sends it on its next turn. */
  started: boolean;
}

interface Loop {
  subscribers: Set<Subscriber>;
  /** The version every started subscriber has seen. */
  version: number;
  scope?: BatchScope;
  /** Set by news of a change (or a new subscriber) so the loop reads again without waiting. */
  woken: boolean;
  resume?: () => void;
  stopped: boolean;
}

export interface LiveHubOptions {
  db: () => Promise<Kysely<Database>>;
  /** How often a loop reads the batch's version (it also wakes at once on in-process news). */
  intervalMs?: number;
}

/**
 * A per-process hub of live batch views: one loop per watched batch reads the batch's version from
 * the database, and when it moved reads the summary and the changed pairs once and hands them to
 * every subscriber. Viewers never call the cloud; the tracker alone does.
 */
export function createLiveHub({ db, intervalMs = 250 }: LiveHubOptions) {
  const loops = new Map<string, Loop>();
  let stopNews: (() => void) | undefined;
  /** Loops reading the database right now (not asleep, not ended), and who waits for them to rest. */
  let busy = 0;
  const onRest: (() => void)[] = [];

  function rest(change: number) {
    busy += change;
    if (busy === 0) for (const resolve of onRest.splice(0)) resolve();
  }

  function listen() {
    stopNews ??= onBatchChange((id) => {
      const loop = loops.get(id);
      if (loop) wake(loop);
    });
  }

  function wake(loop: Loop) {
    loop.woken = true;
    loop.resume?.();
  }

  function deliver(sub: Subscriber, event: LiveEvent) {
    try {
      sub.onEvent(event);
    } catch (e) {
      console.error("live batch view: a subscriber failed:", e);
    }
  }

  async function turn(batchId: string, loop: Loop) {
    const database = await db();
    const fresh = [...loop.subscribers].filter((s) => !s.started);
    if (fresh.length > 0 || loop.scope === undefined) {
      // New subscribers get a snapshot read in this loop, so no change slips between it and the next update.
      for (const sub of fresh) {
        const summary = await getBatch(database, batchId, sub.scope);
        if (loop.stopped || !loop.subscribers.has(sub)) continue;
        sub.started = true;
        if (!summary) {
          loop.subscribers.delete(sub);
          deliver(sub, { type: "missing" });
          continue;
        }
        loop.scope ??= { accountId: summary.accountId, projectId: summary.projectId };
        const pairs = await pairsSince(database, batchId, sub.since);
        // Deltas after this one start from the oldest version a subscriber has seen: repeats are harmless.
        loop.version = loop.version === 0 ? summary.version : Math.min(loop.version, summary.version);
        if (loop.subscribers.has(sub)) deliver(sub, { type: "snapshot", summary, pairs });
      }
      return;
    }
    const version = await batchVersion(database, batchId);
    if (version === undefined) {
      for (const sub of loop.subscribers) deliver(sub, { type: "missing" });
      loop.subscribers.clear();
      return;
    }
    if (version <= loop.version) return;
    const summary = await getBatch(database, batchId, loop.scope);
    if (!summary) return;
    const pairs = await pairsSince(database, batchId, loop.version);
    loop.version = summary.version;
    const event: LiveEvent = { type: "update", summary, pairs };
    for (const sub of loop.subscribers) if (sub.started) deliver(sub, event);
  }

  async function run(batchId: string, loop: Loop) {
    rest(+1);
    while (loop.subscribers.size > 0 && !loop.stopped) {
      loop.woken = false;
      try {
        await turn(batchId, loop);
      } catch (e) {
        console.error(`live batch view ${batchId}: a read failed; trying again shortly:`, e);
      }
      if (loop.subscribers.size === 0 || loop.stopped) break;
      if (loop.woken) continue;
      rest(-1);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        loop.resume = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      loop.resume = undefined;
      rest(+1);
    }
    stop(batchId, loop);
    rest(-1);
  }

  function stop(batchId: string, loop: Loop) {
    loop.stopped = true;
    loop.resume?.();
    if (loops.get(batchId) === loop) loops.delete(batchId);
    if (loops.size === 0) {
      stopNews?.();
      stopNews = undefined;
    }
  }

  /** Watches a batch: `onEvent` gets a snapshot, then an update per change. Returns the unsubscribe function. */
  function subscribe(
    batchId: string,
    scope: BatchScope,
    since: number,
    onEvent: (event: LiveEvent) => void,
  ): Unsubscribe {
    const sub: Subscriber = { scope, since, onEvent, started: false };
    let loop = loops.get(batchId);
    if (loop) {
      loop.subscribers.add(sub);
      wake(loop);
    } else {
      loop = { subscribers: new Set([sub]), version: 0, woken: false, stopped: false };
      loops.set(batchId, loop);
      listen();
      void run(batchId, loop);
    }
    const mine = loop;
    return () => {
      mine.subscribers.delete(sub);
      if (mine.subscribers.size === 0) stop(batchId, mine);
    };
  }

  return {
    subscribe,
    /** How many batches have a loop running (for tests and health). */
    activeLoops: () => loops.size,
    /** Resolves once every loop is asleep or ended: no read in flight (for tests). */
    settled: () => (busy === 0 ? Promise.resolve() : new Promise<void>((resolve) => onRest.push(resolve))),
  };
}

const cache = globalThis as unknown as { imshareLiveHub?: ReturnType<typeof createLiveHub> };

/** The process's hub, on the console's database. */
export function liveHub() {
  cache.imshareLiveHub ??= createLiveHub({ db: async () => (await import("@/lib/db")).getDb() });
  return cache.imshareLiveHub;
}
