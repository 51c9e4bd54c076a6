"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { BatchPairView, BatchSummary } from "@/lib/batches/types";
import { isOver } from "./batch-status";

export type StreamState = "connecting" | "live" | "reconnecting" | "ended" | "failed";

interface Delta {
  summary: BatchSummary;
  pairs: BatchPairView[];
}

/**
 * Follows a batch over Server-Sent Events. Pairs live in one array indexed by `idx`, changed in
 * place; `revision` moves on each delta so views recompute cheaply. A dropped connection resumes
 * from the last version (EventSource sends it as Last-Event-ID); `reopen` follows a batch again
 * after it ended (a retry makes it run again).
 */
export function useBatchStream(initial: BatchSummary, onFinished: (summary: BatchSummary) => void) {
  const pairs = useRef<BatchPairView[]>([]);
  const version = useRef(0);
  /** Whether this page saw the batch running: only then is its end news worth a toast. */
  const sawRunning = useRef(false);
  const [summary, setSummary] = useState(initial);
  const [revision, setRevision] = useState(0);
  const [state, setState] = useState<StreamState>("connecting");
  const [generation, setGeneration] = useState(0);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    const source = new EventSource(`/api/batches/${initial.id}/events?since=${version.current}`);
    const apply = (e: MessageEvent<string>) => {
      const delta = JSON.parse(e.data) as Delta;
      for (const p of delta.pairs) pairs.current[p.idx] = p;
      version.current = Math.max(version.current, delta.summary.version);
      if (!isOver(delta.summary)) sawRunning.current = true;
      setSummary(delta.summary);
      setRevision((r) => r + 1);
      setState("live");
      return delta;
    };
    source.addEventListener("snapshot", apply);
    source.addEventListener("update", apply);
    source.addEventListener("finished", (e) => {
      const delta = apply(e);
      source.close();
      setState("ended");
      if (sawRunning.current) finished.current(delta.summary);
      sawRunning.current = false;
    });
    source.addEventListener("missing", () => {
      source.close();
      setState("failed");
    });
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "failed" : "reconnecting");
    return () => source.close();
  }, [initial.id, generation]);

  const reopen = useCallback(() => setGeneration((g) => g + 1), []);
  return { summary, pairs, revision, state, reopen };
}
