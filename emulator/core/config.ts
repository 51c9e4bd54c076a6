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

/** A reading of a disputed behaviour: A is the reference's, B the other evidence's. */
const reading = z.enum(["A", "B"]);
export type Reading = z.infer<typeof reading>;

/**
 * The disputed behaviours of `../shared/cloud-api.md` section 14, one option per row (D1 to D8), each
 * played as reading A (default) or B. `--disputed B` or `{"disputed":"B"}` switches every row at once.
 */
export const DISPUTED = [
  ["D1", "ctsTraceTypes"],
  ["D2", "nullOptionalFields"],
  ["D3", "recipientMemberRead"],
  ["D4", "wholeImageAttribute"],
  ["D5", "batchEmptyArrays"],
  ["D6", "cphMemberPaging"],
  ["D7", "tokenRescope"],
  ["D8", "cphErrorStatus"],
] as const;
export type DisputedKey = (typeof DISPUTED)[number][1];

const disputedSchema = z
  .object({
    /** D1: CTS `code` a string and `request`/`response` strings (A), or a number and JSON objects with `null`s (B). */
    ctsTraceTypes: reading.default("A"),
    /** D2: an absent optional field is omitted (A) or sent as `null` (B). */
    nullOptionalFields: reading.default("A"),
    /** D3: the consumer may read `GET /v1/{project}/cloudimages/{id}/members` (A) or is refused (B). */
    recipientMemberRead: reading.default("A"),
    /** D3, reading B: the status of that refusal. */
    recipientMemberReadStatus: z.union([z.literal(403), z.literal(404)]).default(403),
    /** D4: image objects carry `__whole_image` (A) or not (B; the query filter still works). */
    wholeImageAttribute: reading.default("A"),
    /** D5: batch add/delete accept empty `domains`/`organizations` (A) or answer 400 `IMG.0001` to them (B). */
    batchEmptyArrays: reading.default("A"),
    /** D6: the CPH member list takes `limit`/`marker` (A) or answers 400 `CPS.0030` to any query parameter (B). */
    cphMemberPaging: reading.default("A"),
    /** D7: any user's token can be re-scoped with `methods: ["token"]` (A) or only a federated one (B). */
    tokenRescope: reading.default("A"),
    /** D7, reading B: the status of the refusal. */
    tokenRescopeStatus: z.union([z.literal(401), z.literal(403)]).default(403),
    /** D8: a CPH duplicate share or unknown image is 400 `CPS.0030` (A), or 409 / 404 (B). */
    cphErrorStatus: reading.default("A"),
  })
  .prefault({});
export type DisputedConfig = z.infer<typeof disputedSchema>;

/** Every row of section 14 played as one reading. */
export function disputedProfile(r: Reading): Record<DisputedKey, Reading> {
  return Object.fromEntries(DISPUTED.map(([, key]) => [key, r])) as Record<DisputedKey, Reading>;
}

/** `cts-trace-types` for `ctsTraceTypes`: the row slugs used in output. */
export function disputedSlug(key: DisputedKey): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** One line for the start banner: "reading A", "reading B", or "reading A except D7 token-rescope B". */
export function describeDisputed(d: DisputedConfig): string {
  const rows = DISPUTED.map(([id, key]) => ({ id, key, r: d[key] }));
  const base: Reading = rows.filter((x) => x.r === "B").length > rows.length / 2 ? "B" : "A";
  const others = rows.filter((x) => x.r !== base).map((x) => `${x.id} ${disputedSlug(x.key)} ${x.r}`);
  return others.length === 0 ? `reading ${base}` : `reading ${base} except ${others.join(", ")}`;
}

export const configSchema = z.object({
  /** Token lifetime; IAM's is 24 h. */
  tokenLifetimeMs: z
    .number()
    .int()
    .positive()
    .default(24 * 3600 * 1000),
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
  jobRetentionMs: z
    .number()
    .int()
    .positive()
    .default(48 * 3600 * 1000),
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

  organizations: z
    .object({
      /**
       * Status of Organizations' own refusals (no organization `Organizations.1015`, not the management
       * account `Organizations.1002`): 401 as Huawei's error table and Terraform's provider say, or 403.
       */
      refusalStatus: z.union([z.literal(401), z.literal(403)]).default(401),
    })
    .prefault({}),

  smn: z
    .object({
      /**
       * Status of SMN's refusal of a subject or message (`SMN.0008`, `SMN.0009`): 403 as SMN's error table
       * says, or 400 as a malformed body usually is.
       */
      invalidParameterStatus: z.union([z.literal(400), z.literal(403)]).default(403),
    })
    .prefault({}),

  disputed: disputedSchema,

  /** Largest request body accepted; larger ones get the gateway's 413. */
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
});

export type EmulatorConfig = z.infer<typeof configSchema>;
/** Options as given: a partial object; `disputed` may name one reading for every row. */
export type ConfigPatch = Omit<z.input<typeof configSchema>, "disputed"> & {
  disputed?: z.input<typeof disputedSchema> | Reading;
};

export function defaultConfig(): EmulatorConfig {
  return configSchema.parse({});
}

/** Merges a partial patch into a config; nested objects merge one level deep. */
export function mergeConfig(current: EmulatorConfig, patch: unknown): EmulatorConfig {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw new Error("config patch must be an object");
  }
  const merged: Record<string, unknown> = { ...current };
  for (const [key, given] of Object.entries(patch)) {
    const value = key === "disputed" && (given === "A" || given === "B") ? disputedProfile(given) : given;
    const prev = merged[key];
    merged[key] = isPlainObject(prev) && isPlainObject(value) ? { ...prev, ...value } : value;
  }
  if (typeof merged.jobTiming === "string") merged.jobTiming = JOB_SPEEDS[merged.jobTiming as JobSpeed];
  return configSchema.strict().parse(merged);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
