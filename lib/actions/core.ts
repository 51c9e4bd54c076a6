import "server-only";
import { unstable_rethrow } from "next/navigation";
import { AUDIT_SENTENCES, writeAuditEvent, type AuditActor, type AuditPair } from "@/lib/audit/writer";
import type { StoredSession } from "@/lib/auth/session-store";
import { CloudError } from "@/lib/cloud/errors";
import type { Scope } from "@/lib/cloud/ims";
import { getDb } from "@/lib/db";
import type { AuditOutcome, AuditSource } from "@/lib/db/types";
import { env } from "@/lib/env";
import { ANSWER_LOST, appError, toAppError, type AppError } from "@/lib/errors";
import { INSTANCE_ID } from "@/lib/instance";
import { localizeError } from "@/lib/localize/errors";
import { errorTranslator, textTranslator } from "@/lib/localize/translator";
import { clearIntent, noteIntentJobs, recordIntent, releaseIntent, renewIntent, type IntentPlan } from "./intents";

type Db = Awaited<ReturnType<typeof getDb>>;

/** What a change tells the audit trail beyond who, where and when; the same for server actions and the API. */
export interface ActionContext {
  session: StoredSession;
  scope: Scope;
  /** Records upstream ids, the images and targets involved, per-pair outcomes, or a partial outcome. */
  note(details: {
    requestId?: string;
    jobId?: string;
    batchId?: string;
    images?: string[];
    targets?: string[];
    pairs?: AuditPair[];
    outcome?: AuditOutcome;
    /** More the event keeps beside the input (a setting's value before the change), as JSON. */
    detail?: Record<string, unknown>;
  }): void;
  /**
   * Records what the change is about to do, before its first cloud call (lib/actions/intents): if the
   * console dies before the audit event is written, the outcome is read from the members and recorded.
   */
  intent(plan: IntentPlan): Promise<void>;
}

export type Hooks = Pick<ActionContext, "note" | "intent">;
type Notes = Parameters<ActionContext["note"]>[0];

/** How a change is recorded: its audit action (`false` for reads), where it came from, and what else the event keeps. */
interface AuditSpec {
  audit: string | false;
  /** `console` (the pages' server actions) unless said: `api` for the HTTP API. */
  source?: AuditSource;
  /** Kept in every event beside the input and `note`'s detail (the API token's name and id). */
  detail?: Record<string, unknown>;
}

/** A change's result, its error's sentence in English as the trail keeps it. */
type Settled<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** The input as the event keeps it: as it came, or beside the detail. */
const withDetail = (input: unknown, detail: Record<string, unknown> | undefined) =>
  detail ? { input, ...detail } : input;

/** The fields of a session the trail and intents keep: never its IAM token. */
function actorOf(s: StoredSession): AuditActor {
  const { userId, userName, accountId, accountName, projectId, projectName, region } = s;
  return { userId, userName, accountId, accountName, projectId, projectName, region };
}

/**
 * The core every change goes through, from a page's server action (`defineAction`) or the HTTP API
 * (`apiRoute`): runs `run` with the `note` and `intent` hooks, maps whatever it throws to the error
 * vocabulary (letting Next's redirects through), and writes one audit event. When the cloud's answer was
 * lost after the change began, the answer says so and the reconciler writes the event once it has read
 * the members.
 */
export async function settle<T>(
  spec: AuditSpec,
  session: StoredSession | undefined,
  input: unknown,
  run: (hooks: Hooks) => Promise<T>,
): Promise<Settled<T>> {
  const kept = withDetail(input, spec.detail);
  const notes: Notes = {};
  let intent: { id: string; db: Db; timer: ReturnType<typeof setInterval> } | undefined;
  const hooks: Hooks = {
    note: (d) => {
      Object.assign(notes, d);
      if (d.jobId && intent) void noteIntentJobs(intent.db, intent.id, d.jobId).catch(() => {});
    },
    async intent(plan) {
      if (!spec.audit || !session || intent || plan.pairs.length === 0) return;
      const db = await getDb();
      const record = { action: spec.audit, actor: actorOf(session), input: kept, plan, source: spec.source };
      const id = await recordIntent(db, record, INSTANCE_ID, env.BATCH_LEASE_MS);
      // Renewed while this process works on it; a dead process lets it lapse.
      const timer = setInterval(
        () => void renewIntent(db, id, INSTANCE_ID, env.BATCH_LEASE_MS).catch(() => {}),
        env.BATCH_LEASE_MS / 3,
      );
      timer.unref?.();
      intent = { id, db, timer };
    },
  };
  const started = performance.now();
  let result: Settled<T>;
  let lost = false;
  try {
    result = { ok: true, data: await run(hooks) };
  } catch (e) {
    unstable_rethrow(e);
    // The audit trail keeps English: a sentence given as a catalogue key is said in English here (its
    // `text` and field errors stay keys, for the reader's language later).
    const mapped = toAppError(e);
    const error = {
      ...mapped,
      message: localizeError(mapped, await errorTranslator("en"), await textTranslator("en")).message,
    };
    if (error.code === "internal") console.error(`${spec.source ?? "console"} ${spec.audit || "read"} failed:`, e);
    // No answer (a timeout, a gateway that gave up) after the change began: it may have been applied.
    lost = Boolean(intent) && e instanceof CloudError && e.mayHaveApplied;
    result = lost
      ? { ok: false, error: { ...appError("timeout", ANSWER_LOST), upstreamCode: error.upstreamCode } }
      : { ok: false, error };
  }
  if (intent) clearInterval(intent.timer);
  if (intent && lost) {
    // The reconciler reads the members once the cloud had time to finish, and writes the event.
    await releaseIntent(intent.db, intent.id).catch((e) => console.error("intent: could not release", e));
  } else {
    const recorded =
      spec.audit && session
        ? await audit(
            { ...spec, audit: spec.audit },
            actorOf(session),
            input,
            result,
            notes,
            performance.now() - started,
          )
        : false;
    // Unrecorded (the database failed us): the intent lapses and the reconciler writes the event.
    if (intent && recorded)
      await clearIntent(intent.db, intent.id).catch((e) => console.error("intent: could not clear", e));
  }
  return result;
}

async function audit(
  spec: AuditSpec & { audit: string },
  actor: AuditActor,
  input: unknown,
  result: Settled<unknown>,
  notes: Notes,
  durationMs: number,
): Promise<boolean> {
  try {
    await writeAuditEvent(await getDb(), {
      actor,
      action: spec.audit,
      source: spec.source,
      outcome: result.ok ? (notes.outcome ?? "succeeded") : "failed",
      images: notes.images,
      targets: notes.targets,
      pairs: notes.pairs,
      input: withDetail(input, spec.detail || notes.detail ? { ...spec.detail, ...notes.detail } : undefined),
      error: result.ok
        ? pairFailure(notes.pairs)
        : { code: result.error.upstreamCode ?? result.error.code, message: result.error.message },
      upstreamRequestId: notes.requestId ?? (result.ok ? undefined : result.error.upstreamRequestId),
      upstreamJobId: notes.jobId,
      batchId: notes.batchId,
      durationMs,
    });
    return true;
  } catch (e) {
    console.error(`audit: could not record ${spec.audit} by ${actor.userName}:`, e);
    return false;
  }
}

/** For a change that ran but whose pairs failed: the first failure's code, so the row says why. */
function pairFailure(pairs: AuditPair[] | undefined): { code: string; message: string } | undefined {
  const failed = pairs?.filter((p) => p.outcome === "failed") ?? [];
  if (failed.length === 0) return undefined;
  return { code: failed[0].code ?? "failed", message: AUDIT_SENTENCES.pairsFailed(failed.length, pairs?.length ?? 0) };
}
