import { liveHub, type LiveEvent } from "@/lib/batches/live";
import type { BatchScope, BatchSummary } from "@/lib/batches/types";
import { errorResponse } from "@/lib/http";
import { loadBatchRequest, sinceOf } from "../../_lib/request";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const HEARTBEAT_MS = 15_000;

const isOver = (s: BatchSummary) => s.status === "finished" || s.status === "cancelled";

/**
 * The batch as Server-Sent Events: `snapshot` (summary and the pairs after `?since=` or
 * `Last-Event-ID`), then an `update` per change with `id: <version>`, and `finished` when the batch
 * has ended, after which the stream closes. Viewers read the database through the process's one
 * loop per batch; they never call the cloud.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { scope, summary } = await loadBatchRequest((await params).id);
    return eventStream(request, scope, summary, sinceOf(request));
  } catch (e) {
    return errorResponse(e);
  }
}

function eventStream(request: Request, scope: BatchScope, summary: BatchSummary, since: number): Response {
  const encoder = new TextEncoder();
  let close = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
      const unsubscribe = liveHub().subscribe(summary.id, scope, since, (event: LiveEvent) => {
        if (event.type === "missing") {
          write(`event: missing\ndata: {}\n\n`);
          return close();
        }
        const over = isOver(event.summary);
        const data = JSON.stringify({ summary: event.summary, pairs: event.pairs });
        write(
          `event: ${event.type === "snapshot" ? "snapshot" : over ? "finished" : "update"}\nid: ${event.summary.version}\ndata: ${data}\n\n`,
        );
        if (!over) return;
        if (event.type === "snapshot")
          write(
            `event: finished\nid: ${event.summary.version}\ndata: ${JSON.stringify({ summary: event.summary, pairs: [] })}\n\n`,
          );
        close();
      });
      close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        request.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      request.signal.addEventListener("abort", close);
      write("retry: 2000\n\n");
    },
    cancel() {
      close();
    },
  });

  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
