import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { StoredSession } from "@/lib/auth/session-store";
import type { AuditOutcome, AuditSource, Database } from "@/lib/db/types";

/** Who acted, where: the fields of a session the audit trail keeps (never its token). */
export type AuditActor = Pick<StoredSession, "userId" | "userName" | "accountId" | "accountName" | "projectId" | "projectName" | "region">;

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

/** Appends one event; returns its id. Events are never updated or deleted. */
export async function writeAuditEvent(db: Kysely<Database>, event: AuditEvent): Promise<string> {
  const id = randomUUID();
  const a = event.actor;
  await db
    .insertInto("audit_events")
    .values({
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
      pairs: JSON.stringify(event.pairs ?? []),
      input: JSON.stringify(redact(event.input ?? {})),
      error_code: event.error?.code ?? null,
      error_message: event.error?.message ?? null,
      upstream_request_id: event.upstreamRequestId ?? null,
      upstream_job_id: event.upstreamJobId ?? null,
      duration_ms: Math.round(event.durationMs ?? 0),
    })
    .execute();
  return id;
}
