import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";

const cache = globalThis as unknown as { imshareInstanceId?: string };

/**
 * This console process's id (`IMSHARE_INSTANCE_ID`, else random): it holds batch leases under it and
 * names itself in the User-Agent of every cloud call, so that the cloud's logs (and the emulator's
 * job-poll record) tell instances apart.
 */
export const INSTANCE_ID = (cache.imshareInstanceId ??= env.IMSHARE_INSTANCE_ID ?? randomUUID().slice(0, 8));
