import { csvRow } from "@/lib/csv";
import type { BatchPairView, BatchSummary } from "./types";

export const CSV_COLUMNS = [
  "image_id",
  "image_name",
  "service",
  "target_kind",
  "target",
  "target_name",
  "member_id",
  "status",
  "code",
  "reason",
  "attempt",
  "job_id",
  "updated_at",
] as const;

/** One pair; `names` (target id → name, lib/names) fills `target_name`, looked up by member id. */
export function pairCsvRow(p: BatchPairView, names: Record<string, string> = {}): string {
  return csvRow([
    p.imageId,
    p.imageName,
    p.service,
    p.targetKind,
    p.target,
    names[p.memberId] ?? names[p.target] ?? "",
    p.memberId,
    p.status,
    p.code,
    p.reason,
    p.attempt,
    p.jobId,
    new Date(p.updatedAt).toISOString(),
  ]);
}

/** The pairs as CSV lines, header first, one pair at a time. */
export async function* csvLines(
  pairs: AsyncIterable<BatchPairView>,
  names: Record<string, string> = {},
): AsyncGenerator<string> {
  yield csvRow([...CSV_COLUMNS]);
  for await (const p of pairs) yield pairCsvRow(p, names);
}

/** What a JSON export holds for a pair: the view without the stream's bookkeeping version. */
function pairJson(p: BatchPairView) {
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
    reason: p.reason,
    attempt: p.attempt,
    jobId: p.jobId,
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}

/** `{"batch": summary, "pairs": [...]}` in pieces, one pair at a time. */
export async function* jsonChunks(summary: BatchSummary, pairs: AsyncIterable<BatchPairView>): AsyncGenerator<string> {
  yield `{"batch":${JSON.stringify(summary)},"pairs":[`;
  let first = true;
  for await (const p of pairs) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(pairJson(p))}`;
    first = false;
  }
  yield "\n]}\n";
}

/**
 * A byte stream pulled from text pieces: the next piece is made only when the client reads, so a
 * slow download never piles the batch up in memory. Pieces are gathered up to ~64 KB per chunk.
 */
export function textStream(pieces: AsyncIterator<string>, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = "";
      while (text.length < chunkSize) {
        const next = await pieces.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await pieces.return?.(undefined);
    },
  });
}
