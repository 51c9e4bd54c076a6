import type { CloudError } from "@/lib/cloud/errors";
import type { Job } from "@/lib/cloud/schemas/ims";
import type { BatchCallsTable, CallStatus } from "@/lib/db/types";
import type { CallAnswer } from "@/lib/sharing/calls";

/**
 * Every write to a batch call, by name, with the statuses it may come from and go to. A call is
 * recorded `sending`, then goes `running` (a job to follow), `done` or `lost` (no usable answer:
 * the members tell what it did); a `running` job ends `done`, or `lost` when the cloud forgot it, it
 * got stuck, or the user gave up waiting for it; a `lost` call ends `done` once reconciled. Nothing leaves `done`.
 */
export const CALL_MOVES = {
  /** The cloud answered: a job to follow (IMS), or applied at once (CPH). */
  callAnswered: { from: ["sending"], to: ["running", "done"] },
  /** Refused (4xx), throttled or unauthenticated: the pairs have their answer or wait again. */
  callRefused: { from: ["sending"], to: ["done"] },
  /** No usable answer (a timeout, a 5xx, a console that died before recording it). */
  answerLost: { from: ["sending"], to: ["lost"] },
  /** A read of the running job: its progress, or a failed read and the next try. */
  jobPolled: { from: ["running"], to: ["running"] },
  jobEnded: { from: ["running"], to: ["done"] },
  /** The cloud no longer knows the job (404). */
  jobForgotten: { from: ["running"], to: ["lost"] },
  /** The job ran longer than the tracker waits for one. */
  jobStuck: { from: ["running"], to: ["lost"] },
  /** The user stopped waiting for a job that made no progress: its pairs are read from the members now. */
  jobGivenUp: { from: ["running"], to: ["lost"] },
  /** The members were read: the lost call's pairs are settled or queued again. */
  reconciled: { from: ["lost"], to: ["done"] },
} as const satisfies Record<string, { from: readonly CallStatus[]; to: readonly CallStatus[] }>;

export type CallMove = keyof typeof CALL_MOVES;

/** A move the table does not allow: a programming error, never a cloud's answer. */
export class ForbiddenMove extends Error {
  constructor(
    readonly move: CallMove,
    readonly from: CallStatus,
    readonly to: CallStatus,
  ) {
    super(`a batch call cannot go from ${from} to ${to} (${move})`);
    this.name = "ForbiddenMove";
  }
}

/** `to`, when `move` may take a call from `from` to it; throws ForbiddenMove otherwise. */
export function moveCall(move: CallMove, from: CallStatus, to: CallStatus): CallStatus {
  const rule: { from: readonly CallStatus[]; to: readonly CallStatus[] } = CALL_MOVES[move];
  if (!rule.from.includes(from) || !rule.to.includes(to)) throw new ForbiddenMove(move, from, to);
  return to;
}

/** Whether some named move takes a call from `from` to `to`. */
export function canMove(from: CallStatus, to: CallStatus): boolean {
  return Object.values(CALL_MOVES).some(
    (rule: { from: readonly CallStatus[]; to: readonly CallStatus[] }) =>
      rule.from.includes(from) && rule.to.includes(to),
  );
}

/** What a move reads of the call. */
export type CallState = Pick<BatchCallsTable, "status" | "polls" | "failures">;

/** The columns a move writes; `updated_at` always. */
export type CallChange = Partial<
  Pick<
    BatchCallsTable,
    | "status"
    | "job_id"
    | "request_id"
    | "job_status"
    | "progress"
    | "error_code"
    | "error_message"
    | "polls"
    | "failures"
    | "next_poll_at"
    | "finished_at"
  >
> & { updated_at: number };

export function callAnswered(call: CallState, answer: CallAnswer, now: number, pollMs: number): CallChange {
  const request_id = answer.requestId ?? null;
  if (answer.jobId)
    return {
      status: moveCall("callAnswered", call.status, "running"),
      job_id: answer.jobId,
      request_id,
      next_poll_at: now + pollMs,
      updated_at: now,
    };
  return {
    status: moveCall("callAnswered", call.status, "done"),
    request_id,
    progress: 100,
    finished_at: now,
    updated_at: now,
  };
}

export function callRefused(call: CallState, error: CloudError, now: number): CallChange {
  return {
    status: moveCall("callRefused", call.status, "done"),
    error_code: error.code,
    error_message: error.message,
    finished_at: now,
    updated_at: now,
  };
}

/** Lost: the members are read at `readAt`; `error` is what came instead of an answer, if anything did. */
export function answerLost(
  call: CallState,
  now: number,
  readAt: number,
  error?: { code: string; message: string },
): CallChange {
  return {
    status: moveCall("answerLost", call.status, "lost"),
    ...(error ? { error_code: error.code, error_message: error.message } : {}),
    next_poll_at: readAt,
    updated_at: now,
  };
}

/** The job read as still going: its progress, read again at `nextPollAt`. */
export function jobPolled(call: CallState, job: Job, progress: number, now: number, nextPollAt: number): CallChange {
  return {
    status: moveCall("jobPolled", call.status, "running"),
    progress,
    job_status: job.status,
    polls: call.polls + 1,
    failures: 0,
    next_poll_at: nextPollAt,
    updated_at: now,
  };
}

/** The job could not be read: one more failure, read again at `nextPollAt`. */
export function jobPollFailed(call: CallState, now: number, nextPollAt: number): CallChange {
  return {
    status: moveCall("jobPolled", call.status, "running"),
    failures: call.failures + 1,
    polls: call.polls + 1,
    next_poll_at: nextPollAt,
    updated_at: now,
  };
}

export function jobEnded(call: CallState, job: Job, now: number): CallChange {
  return {
    status: moveCall("jobEnded", call.status, "done"),
    job_status: job.status,
    progress: 100,
    error_code: job.error_code ?? null,
    error_message: job.fail_reason ?? null,
    polls: call.polls + 1,
    finished_at: now,
    updated_at: now,
  };
}

export function jobForgotten(call: CallState, code: string, now: number): CallChange {
  return {
    status: moveCall("jobForgotten", call.status, "lost"),
    next_poll_at: now,
    error_code: code,
    error_message: "The job is no longer known to the cloud.",
    updated_at: now,
  };
}

export function jobStuck(call: CallState, job: Job, timeoutMs: number, now: number): CallChange {
  return {
    status: moveCall("jobStuck", call.status, "lost"),
    next_poll_at: now,
    error_code: "job_stuck",
    error_message: `The job was still ${job.status} after ${Math.round(timeoutMs / 60_000)} min.`,
    updated_at: now,
  };
}

export function jobGivenUp(call: CallState, now: number): CallChange {
  return {
    status: moveCall("jobGivenUp", call.status, "lost"),
    next_poll_at: now,
    error_code: "job_given_up",
    error_message: "The job made no progress and was no longer waited for: its pairs were read from the members.",
    updated_at: now,
  };
}

export function reconciled(call: CallState, now: number): CallChange {
  return { status: moveCall("reconciled", call.status, "done"), finished_at: now, updated_at: now };
}
