import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely, KyselyPlugin, RootOperationNode } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { migrate, openDatabase } from "@/lib/db/connect";
import type { Database } from "@/lib/db/types";
import { failureReason } from "@/lib/sharing/pairs";
import { announceBatchChange } from "./events";
import { createLiveHub, type LiveEvent } from "./live";
import * as store from "./store";

vi.mock("./store", async (original) => {
  const actual = await original<typeof import("./store")>();
  return { ...actual, getBatch: vi.fn(actual.getBatch), pairsSince: vi.fn(actual.pairsSince) };
});

const actor = {
  userId: "u1",
  userName: "alice",
  accountId: "a1",
  accountName: "acme",
  projectId: "p1",
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
};
const scope = { accountId: "a1", projectId: "p1" };
const hex = (n: number) => n.toString(16).padStart(32, "0");

/** Counts the loops' cheap reads: `select version from batches`. */
let versionReads = 0;
const countVersionReads: KyselyPlugin = {
  transformQuery({ node }: { node: RootOperationNode }) {
    const text = JSON.stringify(node);
    if (
      node.kind === "SelectQueryNode" &&
      text.includes('"name":"batches"') &&
      node.selections?.length === 1 &&
      text.includes('"name":"version"')
    )
      versionReads++;
    return node;
  },
  transformResult: async ({ result }) => result,
};

/** Collects a subscriber's events; `next()` resolves with the next one that arrives. */
function listener() {
  const events: LiveEvent[] = [];
  const waiting: ((e: LiveEvent) => void)[] = [];
  let read = 0;
  return {
    events,
    onEvent: (e: LiveEvent) => {
      events.push(e);
      waiting.shift()?.(e);
    },
    next: () =>
      read < events.length
        ? Promise.resolve(events[read++])
        : new Promise<LiveEvent>((resolve) => waiting.push((e) => (read++, resolve(e)))),
  };
}

describe("live batch hub", () => {
  let dir: string;
  let raw: Kysely<Database>;
  let db: Kysely<Database>;
  let batchId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "imshare-live-"));
    raw = await openDatabase(`file:${join(dir, "live.db")}`);
    await migrate(raw);
    db = raw.withPlugin(countVersionReads);
  });
  afterAll(async () => {
    await raw.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    batchId = await store.createBatch(raw, {
      actor,
      operation: "share",
      images: [{ id: "i1", name: "ubuntu", service: "ims" }],
      targets: [1, 2, 3].map((n) => ({ kind: "project" as const, value: hex(n), memberId: hex(n) })),
      pairs: [0, 1, 2].map((t) => ({ image: 0, target: t, status: "waiting" as const })),
    });
    vi.mocked(store.getBatch).mockClear();
    vi.mocked(store.pairsSince).mockClear();
    versionReads = 0;
  });

  it("serves two viewers of a batch from one loop: one version read, one summary and one delta read per change", async () => {
    // A long interval: the loop turns only on news, so every read below is counted exactly.
    const hub = createLiveHub({ db: async () => db, intervalMs: 60_000 });
    const a = listener();
    const b = listener();
    const stopA = hub.subscribe(batchId, scope, 0, a.onEvent);
    const stopB = hub.subscribe(batchId, scope, 0, b.onEvent);
    const [snapA, snapB] = await Promise.all([a.next(), b.next()]);
    expect(snapA).toMatchObject({ type: "snapshot", summary: { version: 1 } });
    expect(snapA.type === "snapshot" && snapA.pairs).toHaveLength(3);
    expect(snapB.type).toBe("snapshot");
    expect(hub.activeLoops()).toBe(1);

    await hub.settled();
    vi.mocked(store.getBatch).mockClear();
    vi.mocked(store.pairsSince).mockClear();
    versionReads = 0;
    await store.updatePairs(raw, batchId, [
      { idx: [1], set: { status: "failed", code: "IMG.0088", reason: failureReason("IMG.0088") } },
    ]);
    announceBatchChange(batchId);
    const [upA, upB] = await Promise.all([a.next(), b.next()]);
    expect(upA).toMatchObject({ type: "update", summary: { version: 2, counts: { failed: 1 } } });
    expect(upA.type === "update" && upA.pairs.map((p) => [p.idx, p.status])).toEqual([[1, "failed"]]);
    expect(upB).toBe(upA);
    expect(versionReads).toBe(1);
    expect(store.getBatch).toHaveBeenCalledTimes(1);
    expect(store.pairsSince).toHaveBeenCalledTimes(1);
    expect(store.pairsSince).toHaveBeenLastCalledWith(expect.anything(), batchId, 1);
    await hub.settled();

    stopA();
    expect(hub.activeLoops()).toBe(1);
    stopB();
    expect(hub.activeLoops()).toBe(0);
    await hub.settled();
    versionReads = 0;
    await store.updatePairs(raw, batchId, [{ idx: [2], set: { status: "running" } }]);
    announceBatchChange(batchId);
    await new Promise((resolve) => setImmediate(resolve));
    expect(versionReads).toBe(0);
    expect(a.events).toHaveLength(2);
    expect(b.events).toHaveLength(2);
  });

  it("finds changes made by another process on its own, and sends a late viewer only the pairs after its version", async () => {
    const hub = createLiveHub({ db: async () => db, intervalMs: 10 });
    const a = listener();
    const stop = hub.subscribe(batchId, scope, 0, a.onEvent);
    await a.next();
    // No announcement: the change comes from another instance, so only the poll can see it.
    await store.updatePairs(raw, batchId, [{ idx: [0, 2], set: { status: "succeeded" } }]);
    const update = await a.next();
    expect(update.type === "update" && update.pairs.map((p) => p.idx)).toEqual([0, 2]);

    const late = listener();
    const stopLate = hub.subscribe(batchId, scope, 2, late.onEvent);
    const snap = await late.next();
    expect(snap).toMatchObject({
      type: "snapshot",
      summary: { version: 2, counts: { succeeded: 2, waiting: 1 } },
      pairs: [],
    });
    stop();
    stopLate();
    expect(hub.activeLoops()).toBe(0);
  });

  it("tells a viewer of another project that the batch is missing, and ends its loop", async () => {
    const hub = createLiveHub({ db: async () => db, intervalMs: 10 });
    const a = listener();
    hub.subscribe(batchId, { accountId: "a1", projectId: "other" }, 0, a.onEvent);
    expect(await a.next()).toEqual({ type: "missing" });
    await vi.waitFor(() => expect(hub.activeLoops()).toBe(0));
  });
});
