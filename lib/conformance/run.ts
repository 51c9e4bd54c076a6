import { probeCphErrors, probeCphPaging, surveyCph } from "./cph";
import { probeTraceTypes } from "./cts";
import type { ConformanceConfig } from "./env";
import { CannotRun, probeTokenRescope, signInOrStop } from "./iam";
import { imagesOf, listMembers, listOwnImages, probeWholeImage, type JobWait } from "./ims";
import { NullSurvey } from "./nulls";
import { complete, notTried, unclear, type Finding, type RowId } from "./rows";
import { probeSharing } from "./share";
import { Transcript } from "./transcript";
import { Wire } from "./wire";

export interface RunResult {
  findings: Finding[];
  /** A sentence when a share this run added could not be removed. */
  leftover?: string;
}

/** IMS jobs of the real cloud take seconds (reference 7.1); a job still running after this is given up. */
export const DEFAULT_JOB_WAIT: JobWait = { timeoutMs: 120_000, pollMs: 1_000 };

/**
 * The scenario: sign in, read (images, members, CPH, traces), share the sandbox image and read it as
 * the recipient only when an image and a member project are given, then re-scope the token. Throws
 * CannotRun when the user cannot sign in or IMS cannot be reached.
 */
export async function runConformance(
  config: ConformanceConfig,
  transcript: Transcript,
  wait = DEFAULT_JOB_WAIT,
): Promise<RunResult> {
  const wire = new Wire(config.endpoint, transcript);
  const findings: Finding[] = [];
  const guard = async (rows: RowId[], probe: () => Promise<Finding | Finding[]>) => {
    try {
      findings.push(...[await probe()].flat());
    } catch (e) {
      if (e instanceof CannotRun) throw e;
      findings.push(
        ...rows.map((row) => unclear(row, `the probe failed: ${e instanceof Error ? e.message : String(e)}`)),
      );
    }
  };

  const s = await signInOrStop(wire, { ...config, project: { name: config.project } }, config.endpoint("iam"));
  const survey = new NullSurvey();
  const images = await listOwnImages(wire, s, survey);
  if (images.status === 0)
    throw new CannotRun(`IMS at ${config.endpoint("ims")} could not be reached: ${images.error}`);
  await guard(["D4"], () => probeWholeImage(wire, s, survey, images));

  const writing = Boolean(config.imageId && config.memberProjectId);
  const sample = config.imageId ?? imagesOf(images)[0]?.id;
  if (!writing && typeof sample === "string") survey.look("member list", (await listMembers(wire, s, sample)).body);

  const cph = await surveyCph(wire, s, survey);
  await guard(["D6"], () => probeCphPaging(wire, s, cph));

  let leftover: string | undefined;
  if (writing && config.imageId && config.memberProjectId) {
    const input = { imageId: config.imageId, memberProjectId: config.memberProjectId, recipient: config.recipient };
    await guard(["D3", "D5"], async () => {
      const shared = await probeSharing(wire, s, input, survey, wait);
      leftover = shared.leftover;
      return shared.findings;
    });
    await guard(["D8"], () => probeCphErrors(wire, s, cph, config.memberProjectId ?? ""));
  } else {
    const why = `${missingForWrites(config)}; nothing is written`;
    findings.push(notTried("D3", why), notTried("D5", why), notTried("D8", why));
  }

  await guard(["D1"], () => probeTraceTypes(wire, s));
  await guard(["D7"], () => probeTokenRescope(wire, s));
  findings.push(survey.finding());
  return { findings: complete(findings), leftover };
}

function missingForWrites(config: ConformanceConfig): string {
  const missing = [
    config.imageId ? undefined : "sandbox image",
    config.memberProjectId ? undefined : "second project",
  ].filter(Boolean);
  return `no ${missing.join(" and no ")} given`;
}
