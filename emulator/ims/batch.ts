import type { Hono } from "hono";
import {
  authenticate,
  can,
  clientIp,
  readBody,
  type Body,
  type Ctx,
  type Emu,
  type EmuEnv,
  type Session,
} from "../core/context";
import { ApiError, imsError } from "../core/errors";
import { recordTrace, type TraceOperation } from "../cts/record";
import type { ImsJob, JobType } from "../store/types";
import {
  memberItems,
  parseMembersInput,
  parseUpdateInput,
  strictMembersError,
  strictUpdateError,
  updateItems,
} from "./batch-input";
import type { JobRunner } from "./jobs";
import { jobProgressBody, showJobBody } from "./job-view";
import { visibleImage } from "./rules";

const JOB_TYPES: Record<TraceOperation, JobType> = {
  add: "imsAddImageMembersJob",
  update: "imsUpdateImageMembersJob",
  delete: "imsDelImageMembersJob",
};

/**
 * IMS batch member APIs (reference 6) and the two job endpoints (7). Checks run in the order a
 * gateway applies them: token, then the caller's permission, then the request's content.
 */
export function registerImsBatch(app: Hono<EmuEnv>, emu: Emu, runner: JobRunner): void {
  app.post("/v1/cloudimages/members", (c) => batch(c, emu, runner, "add"));
  app.put("/v1/cloudimages/members", (c) => batch(c, emu, runner, "update"));
  app.delete("/v1/cloudimages/members", (c) => batch(c, emu, runner, "delete"));

  app.get("/v1/:project_id/jobs/:job_id", (c) => {
    const session = jobReader(c, emu);
    if (c.req.param("project_id") !== session.project.id) {
      const { status, code } = emu.config.projectMismatch;
      throw imsError(code, status);
    }
    return c.json(showJobBody(emu, visibleJob(emu, session, c.req.param("job_id"))));
  });

  app.get("/v1/cloudimages/job/:job_id", (c) => {
    const session = jobReader(c, emu);
    return c.json(jobProgressBody(emu, visibleJob(emu, session, c.req.param("job_id"))));
  });
}

/** One batch call: validate, submit the job, and trace the call whatever its outcome. */
async function batch(c: Ctx, emu: Emu, runner: JobRunner, op: TraceOperation): Promise<Response> {
  const session = authenticate(c, emu);
  const body = await readBody(c, emu);
  const trace = (status: number, response: unknown) =>
    recordTrace(emu, session, {
      service: "IMS",
      operation: op,
      images: tracedImages(emu, session, body),
      apiVersion: "v1",
      status,
      request: body.kind === "json" ? body.value : null,
      response,
      requestId: c.get("requestId"),
      sourceIp: clientIp(c),
    });
  try {
    if (!can(session, "ims:images:share")) throw imsError("IMG.0026", 403);
    const job = submit(emu, runner, session, op, body);
    const response = { job_id: job.id };
    trace(200, response);
    return c.json(response);
  } catch (err) {
    if (err instanceof ApiError) trace(err.status, err.render({ requestId: c.get("requestId"), glancePath: false }));
    throw err;
  }
}

function submit(emu: Emu, runner: JobRunner, session: Session, op: TraceOperation, body: Body): ImsJob {
  const actor = { project: session.project };
  const base = { type: JOB_TYPES[op], actor, userId: session.user.id };
  if (op === "update") {
    const input = parseUpdateInput(emu, body, session);
    const failure = emu.config.strict ? strictUpdateError(emu, actor, input) : undefined;
    if (failure) throw imsError(failure);
    const update = { status: input.status, ...(input.vaultId ? { vaultId: input.vaultId } : {}) };
    return runner.submit({ ...base, items: updateItems(input.images, actor), update });
  }
  const input = parseMembersInput(emu, body);
  const failure = emu.config.strict ? strictMembersError(emu, actor, op, input) : undefined;
  if (failure) throw imsError(failure);
  return runner.submit({ ...base, items: memberItems(input) });
}

/** The request's image ids, named when the caller can see them; none when the body has no list. */
function tracedImages(emu: Emu, session: Session, body: Body): { id: string; name: string }[] {
  const value = body.kind === "json" ? body.value : undefined;
  const list = typeof value === "object" && value !== null && "images" in value ? value.images : undefined;
  if (!Array.isArray(list)) return [];
  const ids = [...new Set(list.filter((id): id is string => typeof id === "string"))];
  const actor = { project: session.project };
  return ids.map((id) => ({ id, name: visibleImage(emu, id, actor)?.name ?? "" }));
}

function jobReader(c: Ctx, emu: Emu): Session {
  const session = authenticate(c, emu);
  if (!can(session, "ims:images:get")) throw imsError("IMG.0026", 403);
  return session;
}

/** Only the submitting project may read a job; any other caller gets the unknown-job answer. */
function visibleJob(emu: Emu, session: Session, jobId: string): ImsJob {
  emu.advanceJobs();
  const job = emu.world.jobs.get(jobId);
  if (!job || job.projectId !== session.project.id) throw imsError("IMG.0023", 404, "The job does not exist.");
  return job;
}
