import { resolve } from "node:path";
import { parseConformanceEnv, REQUIRED, type EnvSource } from "./env";
import { CannotRun } from "./iam";
import type { JobWait } from "./ims";
import { DEFAULT_JOB_WAIT, runConformance, type RunResult } from "./run";
import { formatFinding, formatSummary } from "./rows";
import { Transcript } from "./transcript";

const RECIPIENT = ["CONFORMANCE_RECIPIENT_ACCOUNT", "CONFORMANCE_RECIPIENT_USER", "CONFORMANCE_RECIPIENT_PASSWORD"];

export interface Io {
  /** The result lines (one per row and the summary). */
  out(line: string): void;
  /** What the run is doing, warnings and errors. */
  err(line: string): void;
}

export interface MainOptions {
  cwd?: string;
  now?: Date;
  wait?: JobWait;
}

/**
 * `npm run conformance`: 0 when the run happened (whatever the readings), 2 when required variables
 * are missing, 1 when it could not run (sign-in refused, cloud unreachable). Always writes the
 * transcript once signing in was tried.
 */
export async function main(source: EnvSource, io: Io, options: MainOptions = {}): Promise<number> {
  const parsed = parseConformanceEnv(source);
  if (!parsed.ok) {
    io.err(`conformance: missing required environment variables: ${parsed.missing.join(", ")}`);
    io.err(`  required: ${REQUIRED.join(", ")} (and CLOUD_ENDPOINT, IAM_ENDPOINT as for the console)`);
    io.err("  optional: CONFORMANCE_IMAGE_ID with CONFORMANCE_MEMBER_PROJECT_ID (shares the image, then undoes it),");
    io.err(
      "            CONFORMANCE_RECIPIENT_ACCOUNT, _USER, _PASSWORD (reads the share as the recipient), CONFORMANCE_TRANSCRIPT",
    );
    return 2;
  }
  const config = parsed.config;
  const started = options.now ?? new Date();
  const path = resolve(
    options.cwd ?? process.cwd(),
    config.transcriptPath ?? `conformance-${started.toISOString().replace(/[:.]/g, "-")}.json`,
  );
  const endpoints = Object.fromEntries((["iam", "ims", "cph", "cts"] as const).map((s) => [s, config.endpoint(s)]));
  io.err(`conformance: ${config.account}/${config.user}, project ${config.project}, region ${config.region}`);
  io.err(
    `  endpoints: ${Object.entries(endpoints)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  if (!config.recipient && RECIPIENT.some((name) => source[name]?.trim())) {
    io.err(`  warning: the recipient needs all of ${RECIPIENT.join(", ")}; D3 is not tried without it`);
  }
  io.err(
    config.imageId && config.memberProjectId
      ? `  shares ${config.imageId} with ${config.memberProjectId}, then undoes it`
      : "  read-only: nothing is written",
  );

  const transcript = new Transcript();
  let result: RunResult | undefined;
  let failure: string | undefined;
  try {
    result = await runConformance(config, transcript, options.wait ?? DEFAULT_JOB_WAIT);
  } catch (e) {
    failure =
      e instanceof CannotRun
        ? e.message
        : `unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  const lines = result?.findings.map(formatFinding) ?? [];
  transcript.write(path, {
    tool: "imshare conformance (cloud-api.md section 14)",
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    region: config.region,
    endpoints,
    account: config.account,
    user: config.user,
    project: config.project,
    imageId: config.imageId ?? null,
    memberProjectId: config.memberProjectId ?? null,
    recipient: config.recipient ? `${config.recipient.account}/${config.recipient.user}` : null,
    findings: lines,
    leftover: result?.leftover ?? null,
    failure: failure ?? null,
  });
  if (!result) {
    io.err(`conformance: could not run: ${failure}`);
    io.err(`transcript: ${path}`);
    return 1;
  }
  for (const line of lines) io.out(line);
  if (result.leftover) io.err(`warning: ${result.leftover}`);
  io.out(formatSummary(result.findings, path));
  return 0;
}
