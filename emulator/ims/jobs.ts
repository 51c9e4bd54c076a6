import type { Emu } from "../core/context";
import { imsMessage } from "../core/errors";
import { hex32 } from "../core/ids";
import type { Faults } from "../controls/faults";
import type { ImsJob, JobItem, JobType } from "../store/types";
import { applyAdd, applyDelete, applyUpdate, type Actor, type Outcome } from "./rules";

export interface JobRequest {
  type: JobType;
  actor: Actor;
  userId: string;
  items: JobItem[];
  update?: ImsJob["update"];
}

/**
 * Runs IMS member jobs (reference section 11.5): INIT for `initMs`, then RUNNING while pairs are
 * applied one every `itemMs`, then SUCCESS, or FAIL with the first failed pair's code (pairs that
 * succeeded stay applied). Progress is computed from the clock, so moving the clock moves jobs; a
 * timer applies due progress while jobs are active, and reads apply it too.
 */
export class JobRunner {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly emu: Emu,
    private readonly faults: Faults,
  ) {}

  submit(request: JobRequest): ImsJob {
    const { jobTiming } = this.emu.config;
    const n = Math.max(request.items.length, 1);
    const itemMs =
      jobTiming.maxRunMs > 0 ? Math.min(jobTiming.itemMs, Math.floor(jobTiming.maxRunMs / n)) : jobTiming.itemMs;
    const job: ImsJob = {
      id: hex32(),
      type: request.type,
      projectId: request.actor.project.id,
      userId: request.userId,
      status: "INIT",
      beginTime: this.emu.clock.now(),
      endTime: null,
      errorCode: null,
      failReason: null,
      items: request.items,
      timing: { initMs: jobTiming.initMs, itemMs },
      stuck: this.faults.takeStuck([...new Set(request.items.map((i) => i.imageId))]),
      ...(request.update ? { update: request.update } : {}),
    };
    this.emu.world.jobs.set(job.id, job);
    this.emu.changed();
    this.step(job, this.emu.clock.now());
    this.schedule();
    return job;
  }

  /** Applies all due progress of every active job, and forgets jobs past retention. */
  advance(): void {
    const now = this.emu.clock.now();
    for (const job of this.emu.world.jobs.values()) {
      if (job.status === "INIT" || job.status === "RUNNING") this.step(job, now);
      else if (job.endTime !== null && now - job.endTime > this.emu.config.jobRetentionMs) {
        this.emu.world.jobs.delete(job.id);
        this.emu.changed();
      }
    }
  }

  /** Starts the timer if jobs are active (also after loading a saved state). */
  schedule(): void {
    if (this.timer || !this.hasActive()) return;
    this.timer = setInterval(() => {
      this.advance();
      if (!this.hasActive()) this.stop();
    }, 25);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private hasActive(): boolean {
    for (const job of this.emu.world.jobs.values()) {
      if ((job.status === "INIT" || job.status === "RUNNING") && !job.stuck) return true;
    }
    return false;
  }

  private step(job: ImsJob, now: number): void {
    const { initMs, itemMs } = job.timing;
    const elapsed = now - job.beginTime;
    if (elapsed < initMs) return;
    if (job.status === "INIT") {
      job.status = "RUNNING";
      this.emu.changed();
    }
    if (job.stuck) return;
    const done = job.items.filter((i) => i.state !== "waiting").length;
    const due = itemMs === 0 ? job.items.length : Math.min(job.items.length, Math.floor((elapsed - initMs) / itemMs));
    for (let k = done; k < due; k++) this.apply(job, job.items[k]);
    if (due === job.items.length) this.finish(job, Math.min(now, job.beginTime + initMs + itemMs * job.items.length));
  }

  private apply(job: ImsJob, item: JobItem): void {
    const injected = this.faults.pairFailure(item.imageId, item.target.id);
    const outcome: Outcome = injected ? { ok: false, code: injected } : this.run(job, item);
    if (outcome.ok) {
      item.state = "success";
    } else {
      item.state = "failed";
      item.errorCode = outcome.code;
      item.message = imsMessage(outcome.code);
    }
    this.emu.changed();
  }

  private run(job: ImsJob, item: JobItem): Outcome {
    const project = this.emu.world.projects.get(job.projectId);
    if (!project) return { ok: false, code: "IMG.0114" };
    const actor = { project };
    switch (job.type) {
      case "imsAddImageMembersJob":
        return applyAdd(this.emu, actor, item.imageId, item.target);
      case "imsDelImageMembersJob":
        return applyDelete(this.emu, actor, item.imageId, item.target);
      case "imsUpdateImageMembersJob":
        return applyUpdate(this.emu, actor, item.imageId, job.update?.status ?? "accepted", job.update?.vaultId);
    }
  }

  private finish(job: ImsJob, endTime: number): void {
    const failed = job.items.find((i) => i.state === "failed");
    job.status = failed ? "FAIL" : "SUCCESS";
    job.endTime = endTime;
    job.errorCode = failed?.errorCode ?? null;
    job.failReason = failed?.message ?? null;
    this.emu.changed();
  }
}
