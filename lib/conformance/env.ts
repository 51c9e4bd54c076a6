import { z } from "zod";
import { endpointVariables, fillEndpoint } from "../endpoint-template";
import type { CloudService } from "../cloud/errors";

/** What `npm run conformance` needs, from the environment (README "Which reading does your cloud play?"). */
export interface ConformanceConfig {
  /** The base URL of a service in the region, as the console builds it. */
  endpoint(service: CloudService): string;
  region: string;
  account: string;
  user: string;
  password: string;
  /** A project name, e.g. `ap-southeast-1`. */
  project: string;
  /** A sandbox image owned by the project; with `memberProjectId`, the run may share it (and undo it). */
  imageId?: string;
  memberProjectId?: string;
  /** Signs in to the member project to read the share as its recipient. */
  recipient?: { account: string; user: string; password: string };
  transcriptPath?: string;
}

export const REQUIRED = [
  "CONFORMANCE_REGION",
  "CONFORMANCE_ACCOUNT",
  "CONFORMANCE_USER",
  "CONFORMANCE_PASSWORD",
  "CONFORMANCE_PROJECT",
] as const;

const text = z.string().trim().min(1);
const schema = z.object({
  ...endpointVariables,
  CONFORMANCE_REGION: text,
  CONFORMANCE_ACCOUNT: text,
  CONFORMANCE_USER: text,
  CONFORMANCE_PASSWORD: z.string().min(1),
  CONFORMANCE_PROJECT: text,
  CONFORMANCE_IMAGE_ID: text.optional(),
  CONFORMANCE_MEMBER_PROJECT_ID: text.optional(),
  CONFORMANCE_RECIPIENT_ACCOUNT: text.optional(),
  CONFORMANCE_RECIPIENT_USER: text.optional(),
  CONFORMANCE_RECIPIENT_PASSWORD: z.string().min(1).optional(),
  CONFORMANCE_TRANSCRIPT: text.optional(),
});

export type EnvSource = Record<string, string | undefined>;

/** The configuration, or the names of the required variables that are missing or empty. */
export function parseConformanceEnv(
  source: EnvSource,
): { ok: true; config: ConformanceConfig } | { ok: false; missing: string[] } {
  const blank = (v: string | undefined) => v === undefined || v.trim() === "";
  const missing = REQUIRED.filter((name) => blank(source[name]));
  if (missing.length) return { ok: false, missing };
  // Empty optional variables count as unset, as an empty `IAM_ENDPOINT=` line of `.env` does.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => !blank(v)));
  const e = schema.parse(cleaned);
  const templates = { CLOUD_ENDPOINT: e.CLOUD_ENDPOINT, IAM_ENDPOINT: e.IAM_ENDPOINT };
  const recipient =
    e.CONFORMANCE_RECIPIENT_ACCOUNT && e.CONFORMANCE_RECIPIENT_USER && e.CONFORMANCE_RECIPIENT_PASSWORD
      ? {
          account: e.CONFORMANCE_RECIPIENT_ACCOUNT,
          user: e.CONFORMANCE_RECIPIENT_USER,
          password: e.CONFORMANCE_RECIPIENT_PASSWORD,
        }
      : undefined;
  return {
    ok: true,
    config: {
      endpoint: (service) => fillEndpoint(templates, service, e.CONFORMANCE_REGION),
      region: e.CONFORMANCE_REGION,
      account: e.CONFORMANCE_ACCOUNT,
      user: e.CONFORMANCE_USER,
      password: e.CONFORMANCE_PASSWORD,
      project: e.CONFORMANCE_PROJECT,
      imageId: e.CONFORMANCE_IMAGE_ID,
      memberProjectId: e.CONFORMANCE_MEMBER_PROJECT_ID,
      recipient,
      transcriptPath: e.CONFORMANCE_TRANSCRIPT,
    },
  };
}
