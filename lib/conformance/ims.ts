import type { SignedIn } from "./iam";
import type { NullSurvey } from "./nulls";
import { readingA, readingB, unclear, type Finding } from "./rows";
import { describe, isObject, type Answer, type Method, type Wire } from "./wire";

/** Fields an image carries as `null` in both readings (reference 3.1: "int/null, unused"). */
const NULLABLE_IMAGE_FIELDS = ["size", "virtual_size"];
/** Job fields documented as "string / null" (reference 7.1, whose example sends them as `null`): no evidence either way. */
const NULLABLE_JOB_FIELDS = ["end_time", "error_code", "fail_reason"];

export type Image = Record<string, unknown>;

export function imagesOf(a: Answer): Image[] {
  return isObject(a.body) && Array.isArray(a.body.images) ? a.body.images.filter(isObject) : [];
}

/** The project's own images (reference 3.1, `owner={project}`), looked at for D2. */
export async function listOwnImages(
  wire: Wire,
  s: SignedIn,
  survey: NullSurvey,
  extra: Record<string, string> = {},
): Promise<Answer> {
  const answer = await wire.call("ims", "GET", "/v2/cloudimages", {
    token: s.token,
    query: { owner: s.projectId, limit: 100, ...extra },
  });
  if (answer.status === 200) survey.look("image list", answer.body, NULLABLE_IMAGE_FIELDS);
  return answer;
}

/**
 * D4: an image object carries `__whole_image` (A) or never does (B); the `__whole_image=true` filter
 * confirms B when the project has a full-ECS image.
 */
export async function probeWholeImage(wire: Wire, s: SignedIn, survey: NullSurvey, listed: Answer): Promise<Finding> {
  if (listed.status !== 200) return unclear("D4", `the image list answered ${describe(listed)}`);
  const images = imagesOf(listed);
  const carrying = images.filter((i) => "__whole_image" in i);
  if (carrying.length > 0) return readingA("D4", `${carrying.length} of ${images.length} images carry __whole_image`);
  const filtered = await listOwnImages(wire, s, survey, { __whole_image: "true" });
  const whole = imagesOf(filtered);
  if (filtered.status !== 200) {
    return unclear(
      "D4",
      `none of ${images.length} images carries __whole_image; the __whole_image=true filter answered ${describe(filtered)}`,
    );
  }
  if (whole.length === 0) {
    return unclear(
      "D4",
      `none of ${images.length} images carries __whole_image, and the project has no full-ECS image to confirm with`,
    );
  }
  if (whole.some((i) => "__whole_image" in i))
    return readingA("D4", `the ${whole.length} full-ECS images carry __whole_image`);
  return readingB(
    "D4",
    `no image carries __whole_image, not even the ${whole.length} full-ECS images the __whole_image=true filter returns`,
  );
}

/** The owner's (or a consumer's) v1 member list of an image (reference 4.8). */
export function listMembers(wire: Wire, s: SignedIn, imageId: string): Promise<Answer> {
  return wire.call("ims", "GET", `/v1/${s.projectId}/cloudimages/${imageId}/members`, { token: s.token, as: s.as });
}

export function memberIds(a: Answer): string[] {
  const members = isObject(a.body) && Array.isArray(a.body.members) ? a.body.members.filter(isObject) : [];
  return members.map((m) => String(m.member_id));
}

/** A batch member call (reference 6.1, 6.3): the job id when it was accepted. */
export async function batch(
  wire: Wire,
  s: SignedIn,
  method: Method,
  body: Record<string, unknown>,
): Promise<{ answer: Answer; jobId?: string }> {
  const answer = await wire.call("ims", method, "/v1/cloudimages/members", { token: s.token, body });
  const jobId =
    answer.status === 200 && isObject(answer.body) && typeof answer.body.job_id === "string"
      ? answer.body.job_id
      : undefined;
  return { answer, jobId };
}

export interface JobOutcome {
  status: "SUCCESS" | "FAIL" | "timeout" | "unreadable";
  detail: string;
}

export interface JobWait {
  timeoutMs: number;
  pollMs: number;
}

/** Polls an IMS job until it ends or the time is up, then reads it once with ShowJob (both for D2). */
export async function waitJob(
  wire: Wire,
  s: SignedIn,
  jobId: string,
  survey: NullSurvey,
  wait: JobWait,
): Promise<JobOutcome> {
  const deadline = Date.now() + wait.timeoutMs;
  for (;;) {
    const progress = await wire.call("ims", "GET", `/v1/cloudimages/job/${jobId}`, { token: s.token });
    const status = isObject(progress.body) ? progress.body.status : undefined;
    if (progress.status === 200) survey.look("job answer", progress.body, NULLABLE_JOB_FIELDS);
    if (status === "SUCCESS" || status === "FAIL") {
      const shown = await wire.call("ims", "GET", `/v1/${s.projectId}/jobs/${jobId}`, { token: s.token });
      if (shown.status === 200) survey.look("job answer", shown.body, NULLABLE_JOB_FIELDS);
      const body = progress.body as Record<string, unknown>;
      return { status, detail: status === "FAIL" ? `${body.error_code ?? "no code"}: ${body.fail_reason ?? ""}` : "" };
    }
    if (progress.status !== 200 && progress.status !== 0 && progress.status < 500) {
      return { status: "unreadable", detail: describe(progress) };
    }
    if (Date.now() >= deadline)
      return { status: "timeout", detail: `still ${String(status)} after ${wait.timeoutMs} ms` };
    await new Promise((r) => setTimeout(r, wait.pollMs));
  }
}
