import { z } from "zod";

/**
 * Every behaviour the reference marks [INFERRED] is an option here, with the reference's default.
 * Options can be changed at run time through `PUT /__emulator/config` (a partial object, merged).
 */

const jobTiming = z.object({
  /** Time a job spends in INIT before it starts applying pairs. */
  initMs: z.number().int().min(0),
  /** Time to apply one pair (image x target) once RUNNING. */
  itemMs: z.number().int().min(0),
  /** Upper bound of a job's running time however many pairs it has; 0 means no bound. */
  maxRunMs: z.number().int().min(0),
});
export type JobTiming = z.infer<typeof jobTiming>;

/** Named job speeds: instant for unit tests, demo (the reference's 1 to 3 s), slow for progress UIs. */
export const JOB_SPEEDS = {
  instant: { initMs: 0, itemMs: 0, maxRunMs: 0 },
  demo: { initMs: 300, itemMs: 150, maxRunMs: 2500 },
  slow: { initMs: 2000, itemMs: 3000, maxRunMs: 0 },
} as const satisfies Record<string, JobTiming>;
export type JobSpeed = keyof typeof JOB_SPEEDS;

export const configSchema = z.object({
  /** Token lifetime; IAM's is 24 h. */
  tokenLifetimeMs: z.number().int().positive().default(24 * 3600 * 1000),
  /** Status for a password or token request scoped to an unknown project: 401 (Keystone body) or 404. */
  unknownScopeStatus: z.union([z.literal(401), z.literal(404)]).default(401),

  /** Members per system-disk or data-disk image (256 in current docs, 128 in older ones). */
  memberLimit: z.number().int().min(1).default(256),
  /** Members per full-ECS image. */
  wholeImageMemberLimit: z.number().int().min(1).default(10),
  /** Count pending and rejected members toward the limit as well as accepted ones. */
  limitCountsAllStatuses: z.boolean().default(true),
  /** Quota of private images per project, reported by `GET /v1/cloudimages/quota`. */
  imageQuota: z.number().int().min(1).default(100),
  /** Allow sharing images encrypted with a custom (non-default) KMS key. */
  allowCustomKeySharing: z.boolean().default(false),
  /** Regions where Windows images cannot be shared (the international site's rule). */
  windowsRestrictedRegions: z.array(z.string()).default(["ap-southeast-1", "ap-southeast-2", "ap-southeast-3"]),
  /** Evaluate the semantic rules of section 11.4 synchronously (HTTP 400) instead of inside the job. */
  strict: z.boolean().default(false),
  /** `entities.results` of member jobs: one entry per image (as documented) or per image x target pair. */
  jobResults: z.enum(["per-image", "per-pair"]).default("per-image"),
  /** Largest images x targets product accepted by one batch call; 0 means no cap. */
  maxBatchPairs: z.number().int().min(0).default(100_000),
  jobTiming: jobTiming.default(JOB_SPEEDS.demo),
  /** How long finished jobs stay readable. */
  jobRetentionMs: z.number().int().positive().default(48 * 3600 * 1000),
  /** Code and status for a path or body project that is not the token's project (IMS). */
  projectMismatch: z.object({ status: z.number().int(), code: z.string() }).default({ status: 400, code: "IMG.0030" }),
  /** Per-item code when the caller of an accept or reject is not a member of the image. */
  notMemberCode: z.enum(["IMG.0114", "IMG.0027"]).default("IMG.0114"),
  /** Per-item code for a target project of another region (IMG.0108 treats it as unknown). */
  otherRegionCode: z.enum(["IMG.0108", "IMG.0177"]).default("IMG.0108"),
  /**
   * Send gateway errors on the native Glance paths nested as `{"error": {...}}`: glanceclient reads
   * `message` from every top-level value and crashes on a flat body.
   */
  glanceCompatibleErrors: z.boolean().default(true),

  cph: z
    .object({
      memberLimit: z.number().int().min(1).default(10),
      limitCode: z.string().default("CPS.0030"),
      duplicateCode: z.string().default("CPS.0030"),
      notMemberCode: z.string().default("CPS.0030"),
      invalidMemberCode: z.string().default("CPS.0030"),
    })
    .prefault({}),

  cts: z
    .object({
      /** Trace names for the three member operations. */
      addName: z.string().default("addMember"),
      updateName: z.string().default("updateMember"),
      deleteName: z.string().default("deleteMember"),
      /** A batch call becomes one trace per image (like the reference's example) or one per call. */
      batchTraces: z.enum(["per-image", "per-call"]).default("per-image"),
      retentionDays: z.number().int().min(1).default(7),
    })
    .prefault({}),

  /** Largest request body accepted; larger ones get the gateway's 413. */
  maxBodyBytes: z.number().int().positive().default(1024 * 1024),
});

export type EmulatorConfig = z.infer<typeof configSchema>;
export type ConfigPatch = z.input<typeof configSchema>;

export function defaultConfig(): EmulatorConfig {
  return configSchema.parse({});
}

/** Merges a partial patch into a config; nested objects merge one level deep. */
export function mergeConfig(current: EmulatorConfig, patch: unknown): EmulatorConfig {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw new Error("config patch must be an object");
  }
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const prev = merged[key];
    merged[key] =
      isPlainObject(prev) && isPlainObject(value) ? { ...prev, ...value } : value;
  }
  if (typeof merged.jobTiming === "string") merged.jobTiming = JOB_SPEEDS[merged.jobTiming as JobSpeed];
  return configSchema.strict().parse(merged);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
