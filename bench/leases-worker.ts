// One console instance's lease scheduler for bench/leases.ts, in its own process as a second console
// would be: its own database pool, its own CLOUD_ENDPOINT and IMSHARE_INSTANCE_ID from the spawning
// bench. It runs the production scheduler (start(), the default tick, claim time and claim limit)
// and tells the bench over IPC how many leases each of its passes ended.
import type { Kysely } from "kysely";
import { openDatabase } from "@/lib/db/connect";
import type { Database } from "@/lib/db/types";
import { LeaseScheduler } from "@/lib/leases/scheduler";

export interface WorkerStart {
  type: "start";
  databaseUrl: string;
  instanceId: string;
  /** alice's emulator token: the stub session store hands it out for every setter. */
  token: string;
}

export type WorkerReport =
  | { type: "ready" }
  | { type: "tick"; ended: number; startedAt: number; ms: number }
  | { type: "stopped"; ended: number };

const send = (report: WorkerReport) => process.send?.(report);

/** The production scheduler, counting what each pass ends. */
class CountingScheduler extends LeaseScheduler {
  ended = 0;
  async tick(): Promise<number> {
    const startedAt = Date.now();
    const ended = await super.tick();
    this.ended += ended;
    if (ended > 0) send({ type: "tick", ended, startedAt, ms: Date.now() - startedAt });
    return ended;
  }
}

let db: Kysely<Database> | undefined;
let scheduler: CountingScheduler | undefined;

process.on("message", async (message: WorkerStart | { type: "stop" }) => {
  if (message.type === "start") {
    db = await openDatabase(message.databaseUrl);
    const { token } = message;
    scheduler = new CountingScheduler({
      db,
      instanceId: message.instanceId,
      tokens: { tokenFor: async () => ({ token, expiresAt: Date.now() + 3600_000 }), refused: () => {} },
    }).start();
    send({ type: "ready" });
  } else {
    await scheduler?.stop();
    await db?.destroy();
    send({ type: "stopped", ended: scheduler?.ended ?? 0 });
    process.disconnect();
  }
});
