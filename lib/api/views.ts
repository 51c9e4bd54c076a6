import type { HistoryEvent } from "@/lib/audit/read";
import type { BatchPairView, BatchSummary } from "@/lib/batches/types";
import { sayStored, type RootTranslator } from "@/lib/i18n/text";
import type { BatchPairApiView, BatchView, HistoryEventView } from "./schemas";

const iso = (ms: number) => new Date(ms).toISOString();

/** A batch as the API answers it: times in ISO, its status sentence in the reader's language (`say`). */
export function batchView(s: BatchSummary, say: RootTranslator): BatchView {
  return {
    id: s.id,
    operation: s.operation,
    status: s.status,
    statusMessage: sayStored(say, s.statusText, s.statusMessage) ?? null,
    projectId: s.projectId,
    projectName: s.projectName,
    region: s.region,
    userName: s.userName,
    imageCount: s.imageCount,
    targetCount: s.targetCount,
    pairCount: s.pairCount,
    counts: { ...s.counts },
    progress: s.progress,
    calls: s.calls,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
    finishedAt: s.finishedAt === null ? null : iso(s.finishedAt),
  };
}

/** A batch's pair as the API answers it, its reason in the reader's language. */
export function batchPairView(p: BatchPairView, say: RootTranslator): BatchPairApiView {
  return {
    idx: p.idx,
    imageId: p.imageId,
    imageName: p.imageName,
    service: p.service,
    targetKind: p.targetKind,
    target: p.target,
    memberId: p.memberId,
    status: p.status,
    code: p.code,
    reason: sayStored(say, p.reasonText, p.reason) ?? null,
    attempt: p.attempt,
    jobId: p.jobId,
    updatedAt: iso(p.updatedAt),
  };
}

/** An event as the API answers it: as History's JSON export writes it, its time in ISO. */
export function eventView(e: HistoryEvent): HistoryEventView {
  return {
    ...e,
    source: e.source as HistoryEventView["source"],
    outcome: e.outcome as HistoryEventView["outcome"],
    occurredAt: iso(e.occurredAt),
  };
}
