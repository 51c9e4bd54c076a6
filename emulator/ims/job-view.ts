import type { Emu } from "../core/context";
import { isoMillis } from "../core/time";
import type { ImsJob, JobItem } from "../store/types";

type ResultStatus = "success" | "failed";

export interface JobResult {
  image_id: string;
  project_id?: string | null;
  status: ResultStatus;
}

/** The top-level fields both job endpoints share (reference 7.1, 7.2). */
function jobHeader(job: ImsJob) {
  return {
    job_id: job.id,
    job_type: job.type,
    begin_time: isoMillis(job.beginTime),
    end_time: job.endTime === null ? null : isoMillis(job.endTime),
    status: job.status,
    error_code: job.errorCode,
    fail_reason: job.failReason,
  };
}

const processed = (item: JobItem) => item.state !== "waiting";

function distinctImages(job: ImsJob): string[] {
  return [...new Set(job.items.map((i) => i.imageId))];
}

/**
 * Per image (documented): an entry once all of the image's pairs are processed, with `project_id`
 * only when the job names exactly one project target; delete jobs answer `[]` as in the docs.
 * Per pair (option): every processed pair, for all three job types.
 */
export function jobResults(emu: Emu, job: ImsJob): JobResult[] {
  if (emu.config.jobResults === "per-pair") {
    return job.items
      .filter(processed)
      .map((i) => ({ image_id: i.imageId, project_id: i.target.id, status: itemStatus([i]) }));
  }
  if (job.type === "imsDelImageMembersJob") return [];
  const targetKeys = new Set(job.items.map((i) => `${i.target.type}:${i.target.id}`));
  const single = job.items[0]?.target;
  const projectId = targetKeys.size === 1 && single?.type === "project" ? single.id : undefined;
  const results: JobResult[] = [];
  for (const imageId of distinctImages(job)) {
    const items = job.items.filter((i) => i.imageId === imageId);
    if (!items.every(processed)) continue;
    // Section 14 D2, reading B: a result without a project names it as null.
    const project = projectId
      ? { project_id: projectId }
      : emu.config.disputed.nullOptionalFields === "B"
        ? { project_id: null }
        : {};
    results.push({ image_id: imageId, ...project, status: itemStatus(items) });
  }
  return results;
}

function itemStatus(items: JobItem[]): ResultStatus {
  return items.some((i) => i.state === "failed") ? "failed" : "success";
}

/** `GET /v1/{project_id}/jobs/{job_id}` (ShowJob). */
export function showJobBody(emu: Emu, job: ImsJob) {
  return { ...jobHeader(job), entities: { results: jobResults(emu, job) } };
}

/**
 * `GET /v1/cloudimages/job/{job_id}` (ShowJobProgress): no results. `current_task` is undocumented
 * for member jobs: the image of the next pair while the job runs, empty otherwise.
 */
export function jobProgressBody(emu: Emu, job: ImsJob) {
  const firstImage = job.items[0]?.imageId ?? "";
  const done = job.items.filter(processed).length;
  const total = job.items.length;
  const next = job.status === "RUNNING" ? job.items.find((i) => !processed(i)) : undefined;
  return {
    ...jobHeader(job),
    entities: {
      image_id: firstImage,
      current_task: next?.imageId ?? "",
      image_name: emu.world.images.get(firstImage)?.name ?? "",
      process_percent: total === 0 ? 100 : Math.floor((done * 100) / total),
      subJobId: "",
      sub_jobs_result: [],
      sub_jobs_list: [],
    },
  };
}
