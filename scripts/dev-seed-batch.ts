// Batches to look at, without the tracker: `tsx scripts/dev-seed-batch.ts [--follow]` with DATABASE_URL
// pointing at the console's database (default file:data/pages.db). Seeds, in alice's project (acme,
// ap-southeast-1): a finished batch (29 succeeded, 1 failed), a running one with mixed statuses, one
// waiting for sign-in and one of 20,000 pairs. With --follow it then plays the tracker on the running
// one, a few pairs at a time, announcing nothing (the pages' poll finds the changes), until it ends.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { createBatch, updatePairs } from "@/lib/batches/store";
import type { NewBatch, NewBatchPair } from "@/lib/batches/types";
import { text } from "@/lib/i18n/text";
import { failureReason } from "@/lib/sharing/pairs";
import { REASONS } from "@/lib/sharing/rules";
import { migrate, openDatabase } from "@/lib/db/connect";
import type { CallStatus, Database } from "@/lib/db/types";

const url = process.env.DATABASE_URL ?? "file:data/pages.db";
const follow = process.argv.includes("--follow");
const actor = {
  userId: "ac0e0000000000000000000000000e01",
  userName: "alice",
  accountId: "ac0e0000000000000000000000000001",
  accountName: "acme",
  projectId: "ac0e00000000000000000000000000a1",
  projectName: "ap-southeast-1",
  region: "ap-southeast-1",
};
const hex = (n: number, prefix = "") => prefix + n.toString(16).padStart(32 - prefix.length, "0");

function plan(
  images: number,
  targets: number,
  statusOf: (i: number) => NewBatchPair["status"] = () => "waiting",
): Omit<NewBatch, "actor" | "operation"> {
  const pairs: NewBatchPair[] = [];
  for (let i = 0; i < images; i++)
    for (let t = 0; t < targets; t++) pairs.push({ image: i, target: t, status: statusOf(pairs.length) });
  for (const p of pairs) if (p.status === "blocked") p.reason = text("sharing.blockers.encrypted.reason");
  for (const p of pairs) if (p.status === "skipped") p.reason = REASONS.alreadyMember;
  return {
    images: Array.from({ length: images }, (_, i) => ({
      id: `1b7f0000-0000-4000-8000-0000000${(100 + i).toString().padStart(5, "0")}`,
      name: `app-${String(i + 1).padStart(2, "0")}`,
      service: "ims" as const,
    })),
    targets: Array.from({ length: targets }, (_, t) => {
      const id = hex(t + 1, t % 3 === 0 ? "610be" : "1417ec");
      return { kind: t % 5 === 4 ? ("account" as const) : ("project" as const), value: id, memberId: id };
    }),
    pairs,
  };
}

/** A finished IMS call with a job id, for pairs to point at. */
async function call(
  db: Kysely<Database>,
  batchId: string,
  seq: number,
  status: CallStatus = "done",
  progress = 100,
): Promise<string> {
  const id = randomUUID();
  const now = Date.now();
  await db
    .insertInto("batch_calls")
    .values({
      id,
      batch_id: batchId,
      seq,
      service: "ims",
      body: "{}",
      status,
      job_id: `ff8080828${String(seq).padStart(3, "0")}d41e1b0188d5c1a0b0${batchId.slice(0, 6)}`,
      request_id: randomUUID(),
      job_status: status === "done" ? "SUCCESS" : "RUNNING",
      progress,
      error_code: null,
      error_message: null,
      polls: 1,
      failures: 0,
      next_poll_at: now,
      created_at: now,
      updated_at: now,
      finished_at: status === "done" ? now : null,
    })
    .execute();
  return id;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

const db = await openDatabase(url);
await migrate(db);

const finished = await createBatch(db, { actor, operation: "share", ...plan(3, 10) }, Date.now() - 3_600_000);
const c1 = await call(db, finished, 1);
await updatePairs(
  db,
  finished,
  [
    { idx: range(0, 30).filter((i) => i !== 17), set: { status: "succeeded", call_id: c1, attempt: 1 } },
    {
      idx: [17],
      set: {
        status: "failed",
        call_id: c1,
        attempt: 1,
        code: "IMG.0088",
        reason: failureReason("IMG.0088"),
      },
    },
  ],
  Date.now() - 3_540_000,
  { status: "finished", finished_at: Date.now() - 3_540_000 },
);

const waiting = await createBatch(db, { actor, operation: "unshare", ...plan(2, 5) }, Date.now() - 1_800_000);
await updatePairs(
  db,
  waiting,
  [{ idx: range(0, 4), set: { status: "succeeded", call_id: await call(db, waiting, 1), attempt: 1 } }],
  Date.now() - 1_700_000,
  {
    status: "waiting_for_sign_in",
    status_message: text("batches.statusReason.waitingForSignIn", { user: actor.userName }),
    waiting_since: Date.now() - 1_700_000,
  },
);

const big = await createBatch(
  db,
  {
    actor,
    operation: "share",
    ...plan(200, 100, (i) => (i % 97 === 0 ? "skipped" : i % 211 === 0 ? "blocked" : "waiting")),
  },
  Date.now() - 600_000,
);
const bigCall = await call(db, big, 1);
await updatePairs(db, big, [
  {
    idx: range(0, 12_000).filter((i) => i % 97 && i % 211 && i % 53),
    set: { status: "succeeded", call_id: bigCall, attempt: 1 },
  },
  {
    idx: range(0, 12_000).filter((i) => i % 97 && i % 211 && !(i % 53)),
    set: {
      status: "failed",
      call_id: bigCall,
      attempt: 1,
      code: "IMG.0177",
      reason: failureReason("IMG.0177"),
    },
  },
  {
    idx: range(12_000, 12_400).filter((i) => i % 97 && i % 211),
    set: { status: "running", call_id: await call(db, big, 2, "running", 40), attempt: 1 },
  },
]);

const running = await createBatch(
  db,
  {
    actor,
    operation: "share",
    ...plan(4, 10, (i) => (i === 3 ? "blocked" : i === 5 || i === 6 ? "skipped" : i === 38 ? "excluded" : "waiting")),
  },
  Date.now() - 120_000,
);
const open = range(0, 40).filter((i) => ![3, 5, 6, 38].includes(i));
const r1 = await call(db, running, 1);
await updatePairs(db, running, [
  { idx: open.slice(0, 10), set: { status: "succeeded", call_id: r1, attempt: 1 } },
  {
    idx: open.slice(10, 12),
    set: {
      status: "failed",
      call_id: r1,
      attempt: 1,
      code: "IMG.0108",
      reason: failureReason("IMG.0108"),
    },
  },
  {
    idx: open.slice(12, 18),
    set: { status: "running", call_id: await call(db, running, 2, "running", 60), attempt: 1 },
  },
  { idx: open.slice(18, 20), set: { status: "sending", attempt: 1 } },
]);

console.log(
  `finished  /batches/${finished}\nwaiting   /batches/${waiting}\n20,000    /batches/${big}\nrunning   /batches/${running}`,
);

if (follow) {
  // Plays the tracker: every 1.5 s the running pairs finish and the next ones are sent.
  let seq = 3;
  for (let cursor = 12; ; cursor += 6) {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const done = open.slice(Math.max(0, cursor), cursor + 6);
    const next = open.slice(cursor + 6, cursor + 12);
    const last = next.length === 0;
    const c = await call(db, running, seq++);
    await updatePairs(
      db,
      running,
      [
        { idx: done.filter((i) => i % 7), set: { status: "succeeded", call_id: c } },
        {
          idx: done.filter((i) => !(i % 7)),
          set: { status: "failed", call_id: c, code: "IMG.0088", reason: failureReason("IMG.0088") },
        },
        { idx: next, set: { status: "running", call_id: await call(db, running, seq++, "running", 30), attempt: 1 } },
      ],
      Date.now(),
      last ? { status: "finished", finished_at: Date.now() } : undefined,
    );
    console.log(last ? "running batch finished" : `pairs ${cursor}..${cursor + 6} done`);
    if (last) break;
  }
}
await db.destroy();
