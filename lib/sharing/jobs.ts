import "server-only";
import { showJob, type Scope } from "@/lib/cloud/ims";
import type { Job } from "@/lib/cloud/schemas/ims";

const TERMINAL = new Set(["SUCCESS", "FAIL"]);

/**
 * Polls an IMS job (ShowJob) until it ends or `timeoutMs` passes, backing off from 250 ms to 2 s
 * like Terraform's 1 s poll. Returns the last state seen. (Batches, later, are tracked on the server.)
 */
export async function waitForJob(scope: Scope, jobId: string, timeoutMs = 60_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  let delay = 250;
  for (;;) {
    const job = await showJob(scope, jobId);
    if (TERMINAL.has(job.status) || Date.now() + delay > deadline) return job;
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(2_000, delay * 2);
  }
}
