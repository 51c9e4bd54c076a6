import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from "kysely";
import { describe, expect, it } from "vitest";
import { CloudError } from "@/lib/cloud/errors";
import type { Job } from "@/lib/cloud/schemas/ims";
import type { CallStatus, Database } from "@/lib/db/types";
import {
  CALL_MOVES,
  ForbiddenMove,
  answerLost,
  callAnswered,
  callRefused,
  canMove,
  jobEnded,
  jobForgotten,
  jobPollFailed,
  jobPolled,
  jobStuck,
  moveCall,
  reconciled,
  type CallMove,
} from "./call-states";

const STATUSES: CallStatus[] = ["sending", "running", "done", "lost"];
const MOVES = Object.keys(CALL_MOVES) as CallMove[];
const call = (status: CallStatus) => ({ status, polls: 2, failures: 1 });
const job = (status: string, more: Partial<Job> = {}): Job => ({ job_id: "j1", status, ...more });

describe("the batch call state machine", () => {
  it("goes sending -> running | done | lost, running -> done | lost, lost -> done, and never leaves done", () => {
    const edges = STATUSES.flatMap((from) => STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}>${to}`));
    expect(edges.sort()).toEqual(
      [
        "sending>running",
        "sending>done",
        "sending>lost",
        "running>running",
        "running>done",
        "running>lost",
        "lost>done",
      ].sort(),
    );
  });

  it("allows each named move exactly from and to the statuses its rule lists", () => {
    for (const move of MOVES) {
      const rule: { from: readonly CallStatus[]; to: readonly CallStatus[] } = CALL_MOVES[move];
      for (const from of STATUSES)
        for (const to of STATUSES) {
          if (rule.from.includes(from) && rule.to.includes(to)) expect(moveCall(move, from, to)).toBe(to);
          else expect(() => moveCall(move, from, to)).toThrow(ForbiddenMove);
        }
    }
  });

  it("names the move and both statuses when one is forbidden", () => {
    expect(() => moveCall("reconciled", "running", "done")).toThrow(
      "a batch call cannot go from running to done (reconciled)",
    );
  });

  it("follows an answer with a job, and applies one without at once", () => {
    expect(callAnswered(call("sending"), { jobId: "j1", requestId: "r1" }, 1_000, 500)).toEqual({
      status: "running",
      job_id: "j1",
      request_id: "r1",
      next_poll_at: 1_500,
      updated_at: 1_000,
    });
    expect(callAnswered(call("sending"), { requestId: "r2" }, 1_000, 500)).toEqual({
      status: "done",
      request_id: "r2",
      progress: 100,
      finished_at: 1_000,
      updated_at: 1_000,
    });
  });

  it("refuses to answer, refuse or lose a call that is not being sent", () => {
    const refusal = new CloudError("ims", 400, "IMG.0088", "Quota");
    for (const status of ["running", "done", "lost"] as const) {
      expect(() => callAnswered(call(status), { jobId: "j1" }, 0, 0)).toThrow(ForbiddenMove);
      expect(() => callRefused(call(status), refusal, 0)).toThrow(ForbiddenMove);
      expect(() => answerLost(call(status), 0, 0)).toThrow(ForbiddenMove);
    }
    expect(callRefused(call("sending"), refusal, 7)).toMatchObject({ status: "done", error_code: "IMG.0088" });
  });

  it("keeps the error columns of a call lost without an error, and records the error of one lost with it", () => {
    expect(answerLost(call("sending"), 10, 60)).toEqual({ status: "lost", next_poll_at: 60, updated_at: 10 });
    expect(answerLost(call("sending"), 10, 60, { code: "internal", message: "boom" })).toMatchObject({
      status: "lost",
      error_code: "internal",
      error_message: "boom",
    });
  });

  it("moves only running jobs: polled, ended, forgotten or stuck", () => {
    const running = call("running");
    expect(jobPolled(running, job("RUNNING"), 40, 5, 505)).toMatchObject({
      status: "running",
      progress: 40,
      polls: 3,
      failures: 0,
    });
    expect(jobPollFailed(running, 5, 2_005)).toMatchObject({
      status: "running",
      polls: 3,
      failures: 2,
      next_poll_at: 2_005,
    });
    expect(jobEnded(running, job("FAIL", { error_code: "IMG.0112" }), 9)).toMatchObject({
      status: "done",
      progress: 100,
      error_code: "IMG.0112",
      finished_at: 9,
    });
    expect(jobForgotten(running, "IMG.0404", 9)).toMatchObject({ status: "lost", next_poll_at: 9 });
    expect(jobStuck(running, job("RUNNING"), 600_000, 9)).toMatchObject({
      status: "lost",
      error_code: "job_stuck",
      error_message: "The job was still RUNNING after 10 min.",
    });
    for (const status of ["sending", "done", "lost"] as const) {
      expect(() => jobPolled(call(status), job("RUNNING"), 0, 0, 0)).toThrow(ForbiddenMove);
      expect(() => jobPollFailed(call(status), 0, 0)).toThrow(ForbiddenMove);
      expect(() => jobEnded(call(status), job("SUCCESS"), 0)).toThrow(ForbiddenMove);
      expect(() => jobForgotten(call(status), "x", 0)).toThrow(ForbiddenMove);
      expect(() => jobStuck(call(status), job("RUNNING"), 1, 0)).toThrow(ForbiddenMove);
    }
  });

  it("reconciles only lost calls", () => {
    expect(reconciled(call("lost"), 3)).toEqual({ status: "done", finished_at: 3, updated_at: 3 });
    for (const status of ["sending", "running", "done"] as const)
      expect(() => reconciled(call(status), 3)).toThrow(ForbiddenMove);
  });

  it("types the status columns: a misspelt status does not compile", () => {
    const db = new Kysely<Database>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new SqliteIntrospector(k),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
    const ok = db.selectFrom("batch_calls").select("id").where("status", "=", "lost").compile();
    expect(ok.parameters).toEqual(["lost"]);
    // @ts-expect-error `losst` is no call status
    db.selectFrom("batch_calls").select("id").where("status", "=", "losst");
    // @ts-expect-error `finishd` is no batch status
    db.selectFrom("batches").select("id").where("status", "=", "finishd");
    // @ts-expect-error `succeded` is no pair status
    db.updateTable("batch_pairs").set({ status: "succeded" });
  });
});
