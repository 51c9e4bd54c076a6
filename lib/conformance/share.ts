import { signIn, type Credentials, type SignedIn } from "./iam";
import { batch, listMembers, memberIds, waitJob, type JobWait } from "./ims";
import type { NullSurvey } from "./nulls";
import { notTried, readingA, readingB, unclear, type Finding } from "./rows";
import { describe, type Wire } from "./wire";

export interface ShareInputs {
  imageId: string;
  memberProjectId: string;
  recipient?: Omit<Credentials, "project">;
}

/** What the sharing rows found, and whether the image's members were left as they were found. */
export interface ShareResult {
  findings: Finding[];
  /** A sentence when the share could not be undone (the admin must remove the member by hand). */
  leftover?: string;
}

/**
 * D5 and D3 (reference 14): shares the sandbox image with the member project (with an empty `domains`
 * array first), reads the share as the recipient, then removes the member again unless it was there
 * before, whatever happened in between.
 */
export async function probeSharing(
  wire: Wire,
  s: SignedIn,
  input: ShareInputs,
  survey: NullSurvey,
  wait: JobWait,
): Promise<ShareResult> {
  const { imageId, memberProjectId: member } = input;
  const before = await listMembers(wire, s, imageId);
  survey.look("member list", before.body);
  if (before.status !== 200) {
    const why = `the owner's member list of ${imageId} answered ${describe(before)}; nothing was shared`;
    return { findings: [unclear("D5", why), unclear("D3", why)] };
  }
  const existed = memberIds(before).includes(member);
  const findings: Finding[] = [];
  let leftover: string | undefined;
  try {
    let shareNote = "";
    if (existed) {
      findings.push(
        notTried(
          "D5",
          "the member project is already a member of the image, so nothing was added; name another project to try",
        ),
      );
    } else {
      const { finding, note } = await addMember(wire, s, imageId, member, survey, wait);
      findings.push(finding);
      shareNote = note;
    }
    findings.push(await readAsRecipient(wire, s, input, existed, shareNote));
  } catch (e) {
    const why = `the probe failed: ${e instanceof Error ? e.message : String(e)}`;
    for (const row of ["D5", "D3"] as const) if (!findings.some((f) => f.row === row)) findings.push(unclear(row, why));
  } finally {
    leftover = await restore(wire, s, imageId, member, existed, survey, wait);
  }
  return { findings, leftover };
}

async function addMember(
  wire: Wire,
  s: SignedIn,
  imageId: string,
  member: string,
  survey: NullSurvey,
  wait: JobWait,
): Promise<{ finding: Finding; note: string }> {
  const empty = await batch(wire, s, "POST", { images: [imageId], projects: [member], domains: [] });
  if (empty.jobId) {
    const job = await waitJob(wire, s, empty.jobId, survey, wait);
    const note = job.status === "SUCCESS" ? "" : `the share job ended ${job.status} ${job.detail}`.trim();
    return { finding: readingA("D5", `batch add with "domains": [] answered 200 with a job (${job.status})`), note };
  }
  const refused = `batch add with "domains": [] answered ${describe(empty.answer)}`;
  if (empty.answer.status !== 400) return { finding: unclear("D5", refused), note: refused };
  const plain = await batch(wire, s, "POST", { images: [imageId], projects: [member] });
  const job = plain.jobId ? await waitJob(wire, s, plain.jobId, survey, wait) : undefined;
  const note = !job
    ? `the plain batch add answered ${describe(plain.answer)}`
    : job.status === "SUCCESS"
      ? ""
      : `the share job ended ${job.status} ${job.detail}`.trim();
  const worked = job?.status === "SUCCESS";
  const tail = `; without it the add ${worked ? "worked" : "did not work either"}`;
  return {
    finding:
      empty.answer.code === "IMG.0001" && worked ? readingB("D5", refused + tail) : unclear("D5", refused + tail),
    note,
  };
}

/** D3: the recipient's v1 member list (200 A, 403/404 B), beside the documented v2 read of its own entry. */
async function readAsRecipient(
  wire: Wire,
  s: SignedIn,
  input: ShareInputs,
  existed: boolean,
  shareNote: string,
): Promise<Finding> {
  if (!input.recipient) return notTried("D3", "no recipient account given");
  const members = await listMembers(wire, s, input.imageId);
  if (!memberIds(members).includes(input.memberProjectId)) {
    return unclear("D3", `the image could not be shared with the member project${shareNote ? `: ${shareNote}` : ""}`);
  }
  const { answer, session } = await signIn(
    wire,
    { ...input.recipient, project: { id: input.memberProjectId } },
    "recipient",
  );
  if (!session) return unclear("D3", `the recipient could not sign in to the member project: ${describe(answer)}`);
  const v1 = await listMembers(wire, session, input.imageId);
  const v2 = await wire.call("ims", "GET", `/v2/images/${input.imageId}/members/${input.memberProjectId}`, {
    token: session.token,
    as: "recipient",
  });
  const evidence = `the recipient's v1 member list answered ${describe(v1)}, the documented v2 read of its entry ${describe(v2)}${existed ? " (an existing share)" : ""}`;
  if (v1.status === 200) return readingA("D3", evidence);
  if (v1.status === 403 || v1.status === 404) return readingB("D3", evidence);
  return unclear("D3", evidence);
}

/** Removes the member again when this run added it; a sentence when it is still there afterwards. */
async function restore(
  wire: Wire,
  s: SignedIn,
  imageId: string,
  member: string,
  existed: boolean,
  survey: NullSurvey,
  wait: JobWait,
): Promise<string | undefined> {
  if (existed) return undefined;
  let now = await listMembers(wire, s, imageId);
  if (now.status === 200 && !memberIds(now).includes(member)) return undefined;
  const removal = await batch(wire, s, "DELETE", { images: [imageId], projects: [member] });
  if (removal.jobId) await waitJob(wire, s, removal.jobId, survey, wait);
  now = await listMembers(wire, s, imageId);
  if (now.status === 200 && !memberIds(now).includes(member)) return undefined;
  return `project ${member} may still be a member of image ${imageId} (removal answered ${describe(removal.answer)}, member list ${describe(now)}): remove it by hand`;
}
