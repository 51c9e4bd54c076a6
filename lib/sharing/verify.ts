import "server-only";
import type { AuditPair } from "@/lib/audit/writer";
import { listImageMembers, type Scope } from "@/lib/cloud/ims";
import type { Job } from "@/lib/cloud/schemas/ims";
import type { AuditOutcome } from "@/lib/db/types";
import { MEMBER_CONCURRENCY } from "./load";
import { mapPool } from "./pool";

export interface PairOutcome {
  image: string;
  target: string;
  outcome: "succeeded" | "failed";
  code?: string;
}

/**
 * Each pair's true outcome after a job, read from the members themselves: the reference leaves
 * job results optional and per image, so a pair is done when the member is there (add) or gone (remove).
 */
export async function verifyPairs(
  scope: Scope,
  pairs: { image: string; target: string }[],
  expect: "present" | "absent",
  job?: Job,
): Promise<PairOutcome[]> {
  const images = [...new Set(pairs.map((p) => p.image))];
  const members = new Map(
    await mapPool(
      images,
      MEMBER_CONCURRENCY,
      async (id) => [id, new Set((await listImageMembers(scope, id)).map((m) => m.member_id))] as const,
    ),
  );
  const failure =
    job?.status === "FAIL"
      ? (job.error_code ?? "job_failed")
      : job && job.status !== "SUCCESS"
        ? "job_unfinished"
        : "not_applied";
  return pairs.map((p) => {
    const present = members.get(p.image)?.has(p.target) ?? false;
    return present === (expect === "present")
      ? { ...p, outcome: "succeeded" }
      : { ...p, outcome: "failed", code: failure };
  });
}

export function outcomeOf(pairs: { outcome: string }[]): AuditOutcome {
  const ok = pairs.filter((p) => p.outcome === "succeeded").length;
  return ok === pairs.length ? "succeeded" : ok === 0 ? "failed" : "partial";
}

export const asAuditPairs = (pairs: PairOutcome[]): AuditPair[] => pairs.map((p) => ({ ...p }));
