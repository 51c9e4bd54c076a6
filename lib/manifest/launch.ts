import "server-only";
import type { Kysely } from "kysely";
import { announceBatchChange } from "@/lib/batches/events";
import { BATCH_LIMITS, CELL_SEND, pairsOf, type BatchPlanView } from "@/lib/batches/plan";
import { createBatch } from "@/lib/batches/store";
import type { BatchImage, BatchOperation } from "@/lib/batches/types";
import type { AuditActor } from "@/lib/audit/writer";
import type { Database } from "@/lib/db/types";
import type { Target } from "@/lib/sharing/targets";
import type { ManifestPlanPair } from "./types";

/**
 * A manifest's changes as the batch tracker takes them: images × targets rectangles within the batch
 * limits, each cell a pair to send or, where the manifest does not ask for that pair, excluded.
 */

/** One rectangle of pairs: the images, the targets, and the cells (image × targets + target) to send. */
export interface PairBlock {
  images: BatchImage[];
  targets: Target[];
  sends: Set<number>;
  pairs: ManifestPlanPair[];
}

const targetKey = (t: Target) => `${t.kind} ${t.value}`;

/**
 * Splits pairs into rectangles the batch planner's limits allow (BATCH_LIMITS: images, targets and
 * pairs per batch), each holding only the images and targets its pairs use.
 */
export function blocksOf(pairs: readonly ManifestPlanPair[]): PairBlock[] {
  const targets = new Map<string, Target>();
  for (const p of pairs) targets.set(targetKey(p.target), p.target);
  const targetChunks = chunk([...targets.keys()], BATCH_LIMITS.targets).map((keys) => new Set(keys));
  const blocks: PairBlock[] = [];
  for (const inChunk of targetChunks) {
    const byImage = new Map<string, ManifestPlanPair[]>();
    for (const p of pairs) {
      if (!inChunk.has(targetKey(p.target))) continue;
      const list = byImage.get(p.image);
      if (list) list.push(p);
      else byImage.set(p.image, [p]);
    }
    const perBlock = Math.max(1, Math.min(BATCH_LIMITS.images, Math.floor(BATCH_LIMITS.pairs / inChunk.size)));
    for (const images of chunk([...byImage.values()], perBlock)) blocks.push(blockOf(images));
  }
  return blocks;
}

function blockOf(byImage: ManifestPlanPair[][]): PairBlock {
  const targetIndex = new Map<string, number>();
  const targets: Target[] = [];
  for (const p of byImage.flat())
    if (!targetIndex.has(targetKey(p.target))) targetIndex.set(targetKey(p.target), targets.push(p.target) - 1);
  const sends = new Set<number>();
  const images = byImage.map((pairs, i) => {
    for (const p of pairs) sends.add(i * targets.length + targetIndex.get(targetKey(p.target))!);
    return { id: pairs[0].image, name: pairs[0].imageName, service: pairs[0].service };
  });
  return { images, targets, sends, pairs: byImage.flat() };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A block as the batch planner's view: every cell a send, those the manifest does not ask for excluded. */
function viewOf(operation: BatchOperation, block: PairBlock): { plan: BatchPlanView; excluded: Set<number> } {
  const size = block.images.length * block.targets.length;
  const cells = new Array<number>(size).fill(CELL_SEND);
  const excluded = new Set<number>();
  for (let idx = 0; idx < size; idx++) if (!block.sends.has(idx)) excluded.add(idx);
  const plan: BatchPlanView = {
    operation,
    images: block.images,
    targets: block.targets,
    invalid: [],
    cells,
    reasons: [],
    counts: { send: block.sends.size, skip: 0, blocked: 0, pairs: size },
  };
  return { plan, excluded };
}

export interface LaunchedBatch {
  id: string;
  operation: BatchOperation;
  launched: number;
  /** A share's end date, ISO. */
  endsAt?: string;
}

/**
 * Records a block as a batch for the tracker, the way the planner's Launch does (`pairsOf`, `createBatch`,
 * `announceBatchChange`); a share with an end date gives each member it adds that end. The launcher's
 * `apiTokenId` (an API token with an entrusted key) is what the tracker sends with.
 */
export async function launchBlock(
  db: Kysely<Database>,
  { actor, apiTokenId }: { actor: AuditActor; apiTokenId?: string },
  operation: BatchOperation,
  block: PairBlock,
  endsAt?: number,
): Promise<LaunchedBatch> {
  const { plan, excluded } = viewOf(operation, block);
  const pairs = pairsOf(plan, excluded);
  const id = await createBatch(db, {
    actor,
    operation,
    images: block.images,
    targets: block.targets.map(({ kind, value, memberId }) => ({ kind, value, memberId })),
    pairs,
    ...(endsAt !== undefined && { leaseEndsAt: endsAt }),
    apiTokenId,
  });
  announceBatchChange(id);
  const launched = pairs.filter((p) => p.status === "waiting").length;
  return { id, operation, launched, ...(endsAt !== undefined && { endsAt: new Date(endsAt).toISOString() }) };
}
