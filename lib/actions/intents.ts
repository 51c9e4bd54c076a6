import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { AUDIT_SENTENCES, writeAuditEvent, type AuditActor, type AuditPair } from "@/lib/audit/writer";
import type { TokenSource } from "@/lib/batches/tokens";
import { CloudError } from "@/lib/cloud/errors";
import { showJobProgress, type Scope } from "@/lib/cloud/ims";
import type { AuditSource, Database } from "@/lib/db/types";
import { readBack, type Expect } from "@/lib/sharing/members";
import { rollUp, type ImageService, type Pair } from "@/lib/sharing/pairs";

/**
 * What a change is about to do, recorded before its first cloud call: the pairs and the state each
 * should reach (a member `present` or `absent`, or the recipient's own membership `accepted` or
 * `rejected`). If the console dies before the action writes its audit event, another pass (on any
 * instance, once the holder's lease ran out and the cloud had time to finish) reads the members and
 * writes the event with the real outcome. Nothing is sent again: the reconciler only reads.
 */
export interface IntentPlan {
  service: ImageService;
  expect: Expect;
  pairs: Pair[];
}

export interface IntentRecord {
  action: string;
  actor: AuditActor;
  input: unknown;
  plan: IntentPlan;
  /** Where the change came from (the HTTP API), kept with the actor for the event the reconciler writes. */
  source?: AuditSource;
}

export async function recordIntent(
  db: Kysely<Database>,
  intent: IntentRecord,
  owner: string,
  leaseMs: number,
  now = Date.now(),
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("action_intents")
    .values({
      id,
      action: intent.action,
      account_id: intent.actor.accountId,
      user_id: intent.actor.userId,
      actor: JSON.stringify(intent.source ? { ...intent.actor, source: intent.source } : intent.actor),
      input: JSON.stringify(intent.input ?? {}),
      plan: JSON.stringify(intent.plan),
      jobs: "",
      started_at: now,
      lease_owner: owner,
      lease_until: now + leaseMs,
    })
    .execute();
  return id;
}

export async function renewIntent(
  db: Kysely<Database>,
  id: string,
  owner: string,
  leaseMs: number,
  now = Date.now(),
): Promise<void> {
  await db
    .updateTable("action_intents")
    .set({ lease_until: now + leaseMs })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}

/** The jobs the change started (IMS answers with a job id): the reconciler waits until they end. */
export async function noteIntentJobs(db: Kysely<Database>, id: string, jobs: string): Promise<void> {
  await db.updateTable("action_intents").set({ jobs }).where("id", "=", id).execute();
}

/** The action could not tell what happened: the reconciler may take the intent as soon as it has settled. */
export async function releaseIntent(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("action_intents").set({ lease_until: 0 }).where("id", "=", id).execute();
}

/** The action wrote its own audit event: the intent has served. */
export async function clearIntent(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("action_intents").where("id", "=", id).execute();
}

export interface ReconcileOptions {
  db: Kysely<Database>;
  tokens: TokenSource;
  instanceId: string;
  leaseMs: number;
  /** How long after its start an orphaned change is left for the cloud to finish before members are read. */
  settleMs: number;
  /** How long a job the change started may run before the members are read anyway. */
  jobTimeoutMs: number;
  now?: () => number;
}

/**
 * Settles the intents of changes whose console died: each one whose lease ran out and that started
 * at least `settleMs` ago is claimed, its pairs read from the cloud with the user's token, and its
 * audit event written (`input.interrupted = true`). Returns how many were settled; an intent whose
 * user has no valid token waits for the next pass.
 */
export async function reconcileIntents(o: ReconcileOptions): Promise<number> {
  const now = (o.now ?? Date.now)();
  const due = await o.db
    .selectFrom("action_intents")
    .selectAll()
    .where("lease_until", "<", now)
    .where("started_at", "<=", now - o.settleMs)
    .orderBy("started_at")
    .limit(20)
    .execute();
  let settled = 0;
  for (const intent of due) {
    const claimed = await o.db
      .updateTable("action_intents")
      .set({ lease_owner: o.instanceId, lease_until: now + o.leaseMs })
      .where("id", "=", intent.id)
      .where("lease_until", "<", now)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) continue;
    const { source, ...actor } = JSON.parse(intent.actor) as AuditActor & { source?: AuditSource };
    const plan = JSON.parse(intent.plan) as IntentPlan;
    const token = await o.tokens.tokenFor(
      { userId: actor.userId, accountId: actor.accountId, projectId: actor.projectId, region: actor.region },
      null,
    );
    if (!token) continue;
    const scope: Scope = { token: token.token, region: actor.region, projectId: actor.projectId };
    const later = () =>
      o.db.updateTable("action_intents").set({ lease_until: 0 }).where("id", "=", intent.id).execute();
    let pairs: AuditPair[];
    try {
      // A job still running would make the members say "not applied" too early: wait for it (bounded).
      const jobs = intent.jobs.split(",").filter(Boolean);
      const states = await Promise.all(jobs.map((j) => showJobProgress(scope, j).then((job) => job.status)));
      if (states.some((s) => s === "INIT" || s === "RUNNING") && now - intent.started_at < o.jobTimeoutMs) {
        await later();
        continue;
      }
      pairs = await readOutcomes(scope, plan);
    } catch (e) {
      // Unread is not "not applied": try again on the next pass (with another session if this token is refused).
      if (e instanceof CloudError && e.isUnauthenticated) o.tokens.refused(token.token);
      await later();
      continue;
    }
    // A change whose answer was lost may still be running in a job the console never heard of: "not
    // applied" is read again on later passes, up to three settle periods (or the job timeout) from its start.
    const unsettled = pairs.some((p) => p.outcome !== "succeeded");
    if (unsettled && now < intent.started_at + Math.min(o.jobTimeoutMs, 3 * o.settleMs)) {
      await later();
      continue;
    }
    const ok = pairs.filter((p) => p.outcome === "succeeded").length;
    const outcome = rollUp(pairs);
    await o.db.transaction().execute(async (tx) => {
      await writeAuditEvent(tx, {
        actor,
        action: intent.action,
        source,
        outcome,
        images: [...new Set(plan.pairs.map((p) => p.image))],
        targets: [...new Set(plan.pairs.map((p) => p.target))],
        pairs,
        input: { ...(JSON.parse(intent.input) as object), interrupted: true },
        error:
          outcome === "succeeded"
            ? undefined
            : {
                code: "interrupted",
                message: AUDIT_SENTENCES.interrupted(pairs.length - ok, pairs.length),
              },
        durationMs: now - intent.started_at,
        occurredAt: intent.started_at,
      });
      await tx.deleteFrom("action_intents").where("id", "=", intent.id).execute();
    });
    settled++;
  }
  return settled;
}

/**
 * Each pair's state as the cloud has it now: the owner reads the members; a recipient (accept, reject)
 * reads its own membership, which it may do whether or not the cloud lets it list members (D3).
 */
function readOutcomes(scope: Scope, plan: IntentPlan): Promise<AuditPair[]> {
  return readBack(scope, plan.service, plan.pairs, plan.expect);
}
