import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { noticesOf } from "@/lib/notify/from-audit";
import { enqueue } from "@/lib/notify/store";
import { appendEvent } from "./chain";
import type { AuditOutcome, AuditSource, Database } from "@/lib/db/types";

/** Who acted, where: the fields of a session the audit trail keeps (never its token). */
export interface AuditActor {
  userId: string;
  userName: string;
  accountId: string;
  accountName: string;
  projectId: string;
  projectName: string;
  region: string;
}

/**
 * The sentences the console itself writes into an event's error, in English: the trail is append-only
 * and hash-chained, so what it stores stays as written. `storedErrorText` (lib/sharing/pairs.ts) reads
 * them back by their shape to say them in the reader's language.
 */
export const AUDIT_SENTENCES = {
  pairsFailed: (failed: number, total: number) => `${failed} of ${total} pairs failed.`,
  interrupted: (notApplied: number, total: number) =>
    `The console stopped during this change; ${notApplied} of ${total} pairs were not applied (read from the members afterwards).`,
};

/** One image × member pair's outcome as the trail keeps it. */
export interface AuditPair {
  image: string;
  target: string;
  outcome: "succeeded" | "failed" | "skipped";
  code?: string;
}

export interface AuditEvent {
  actor: AuditActor;
  action: string;
  outcome: AuditOutcome;
  source?: AuditSource;
  images?: string[];
  targets?: string[];
  pairs?: AuditPair[];
  input?: unknown;
  error?: { code: string; message: string };
  upstreamRequestId?: string;
  upstreamJobId?: string;
  durationMs?: number;
  occurredAt?: number;
  /** The id of the record the event was imported from (a CTS trace id). */
  externalId?: string;
  /** The batch the event is about (else `input.batchId`), indexed for the batch's history. */
  batchId?: string;
  /** A share imported from CTS that its account's policy would not have allowed (a `policy.outside` notice). */
  outsidePolicy?: boolean;
}

const SECRET_KEYS = /pass(word)?|token|secret/i;

/** Copies input without secrets: any key that looks like a password or token is dropped. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !SECRET_KEYS.test(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

/** The batch an event is about, from its input (`{batchId}`), for the batch page's history. */
function batchOf(event: AuditEvent): string | undefined {
  if (event.batchId) return event.batchId;
  const input = event.input as { batchId?: unknown } | undefined;
  return typeof input?.batchId === "string" ? input.batchId : undefined;
}

/**
 * Appends one event to its account's hash chain (lib/audit/chain) and, in the same transaction, the
 * notifications it gives (lib/notify): both are written or neither. Returns its id. Events are never
 * updated or deleted (the database refuses it).
 */
export async function writeAuditEvent(
  db: Kysely<Database> | Transaction<Database>,
  event: AuditEvent,
): Promise<string> {
  if (!db.isTransaction) return (db as Kysely<Database>).transaction().execute((tx) => writeAuditEvent(tx, event));
  const occurredAt = event.occurredAt ?? Date.now();
  const id = await appendAudit(db, { ...event, occurredAt });
  for (const notice of await noticesOf(db, { ...event, occurredAt }, occurredAt)) await enqueue(db, notice);
  return id;
}

async function appendAudit(db: Transaction<Database> | Kysely<Database>, event: AuditEvent): Promise<string> {
  const id = randomUUID();
  const a = event.actor;
  const batch = batchOf(event);
  await appendEvent(
    db,
    {
      id,
      occurred_at: event.occurredAt ?? Date.now(),
      account_id: a.accountId,
      account_name: a.accountName,
      user_id: a.userId,
      user_name: a.userName,
      project_id: a.projectId,
      project_name: a.projectName,
      region: a.region,
      action: event.action,
      source: event.source ?? "console",
      outcome: event.outcome,
      images: JSON.stringify(event.images ?? []),
      targets: JSON.stringify(event.targets ?? []),
      pairs: JSON.stringify(
        (event.pairs ?? []).map(({ image, target, outcome, code }) => ({
          image,
          target,
          outcome,
          ...(code ? { code } : {}),
        })),
      ),
      input: JSON.stringify(redact(event.input ?? {})),
      error_code: event.error?.code ?? null,
      error_message: event.error?.message ?? null,
      upstream_request_id: event.upstreamRequestId ?? null,
      upstream_job_id: event.upstreamJobId ?? null,
      duration_ms: Math.round(event.durationMs ?? 0),
      external_id: event.externalId ?? null,
    },
    { images: event.images, targets: event.targets, batches: batch ? [batch] : [] },
  );
  return id;
}
