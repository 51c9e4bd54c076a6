import { EventEmitter } from "node:events";

/**
 * In-process news of batch changes: the tracker and the actions announce a batch id after each
 * write, and the live streams of this process wake at once. Streams also read the database on a
 * short interval, which carries the changes another instance made.
 */
const cache = globalThis as unknown as { imshareBatchEvents?: EventEmitter };
const emitter = (cache.imshareBatchEvents ??= new EventEmitter().setMaxListeners(0));

export function announceBatchChange(batchId: string): void {
  emitter.emit("change", batchId);
}

/** Calls `listener` with the id of each batch that changed; returns the unsubscribe function. */
export function onBatchChange(listener: (batchId: string) => void): () => void {
  emitter.on("change", listener);
  return () => emitter.off("change", listener);
}
