import "server-only";
import { z } from "zod";
import { endpointVariables } from "@/lib/endpoint-template";

/**
 * Every environment variable the console reads, parsed once. Documented in `.env.example`.
 * Code reads `env.X`, never `process.env.X`.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Signs the session cookie and derives the key that encrypts IAM tokens at rest. */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  /** `file:data/imshare.db` (SQLite, the default) or `postgres://…`. */
  DATABASE_URL: z.string().default("file:data/imshare.db"),
  ...endpointVariables,
  /** Region shown first on the sign-in form. */
  CLOUD_DEFAULT_REGION: z.string().default("ap-southeast-1"),
  /** Regions offered on the sign-in form (comma separated). */
  CLOUD_REGIONS: z.string().default("ap-southeast-1,cn-north-4"),
  /** Set when the console runs against the bundled emulator: the sign-in page shows the demo users. */
  IMSHARE_EMULATOR: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /** Regions where IMS no longer shares Windows images (Huawei Cloud's international site). */
  WINDOWS_SHARING_RESTRICTED_REGIONS: z.string().default("ap-southeast-1,ap-southeast-2,ap-southeast-3"),
  /** Images per batch call (accept, reject and batch shares); the cloud documents no limit. */
  IMS_BATCH_CHUNK_SIZE: z.coerce.number().int().min(1).max(100).default(50),
  /** How often the batch tracker reads a running IMS job (Terraform polls every 1 s). */
  BATCH_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(500),
  /** How long a console instance holds a batch before another may take it over (renewed while alive). */
  BATCH_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(15_000),
  /** IMS jobs of one batch running at once; each call's job is recorded before the next call. */
  BATCH_JOBS_IN_FLIGHT: z.coerce.number().int().min(1).max(20).default(4),
  /** CPH member calls of one batch in flight at once (one call per pair). */
  BATCH_CPH_CONCURRENCY: z.coerce.number().int().min(1).max(20).default(5),
  /** A job still running after this long is given up: its pairs are settled by reading members. */
  BATCH_JOB_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(600_000),
  /** A running batch that has not moved for this long says so on its page, and offers to read the members now. */
  BATCH_STALL_MS: z.coerce.number().int().min(1_000).default(180_000),
  /** This instance's name in leases and in the User-Agent of cloud calls; random when unset. */
  IMSHARE_INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, "letters, digits, - and _, at most 32")
    .optional(),
  /** How long a change left behind by a dead console is given to finish in the cloud before its outcome is read. */
  INTENT_SETTLE_MS: z.coerce.number().int().min(0).default(60_000),
  /** `0` keeps this instance from tracking batches (it still serves pages). */
  BATCH_TRACKER: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
  /** Refused sign-ins of one user (account and user name) within the window before it is locked for the window. */
  SIGN_IN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(5),
  /** Refused sign-ins from one address within the window before it is locked. */
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  SIGN_IN_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(15 * 60_000),
  /**
   * How often each project with a signed-in user has its CTS image-member traces imported into the
   * history (0: only on demand). CTS keeps 7 days, so keep it well under that.
   */
  CTS_IMPORT_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((v) => v === 0 || (v >= 10_000 && v <= 24 * 3600_000), "0, or 10000 to 86400000")
    .default(900_000),
  /** Traces younger than this wait for the next import: console actions still waiting on a job have not recorded their calls yet. */
  CTS_IMPORT_SETTLE_MS: z.coerce.number().int().min(0).max(3600_000).default(120_000),
  /** Days of history kept; older events are removed (the chain stays verifiable). 0 keeps everything. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  /** Upper bound of one cloud call, its retries and their waits included: a hanging cloud is answered `timeout` by then. */
  CLOUD_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** How often an open console asks for the number of pending incoming shares. */
  INBOX_POLL_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** How often the lease scheduler looks for shares whose end date has come (and for ones ending soon). */
  LEASE_TICK_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  /** How often shares whose end is near are looked for, to announce them (`lease.ending`). */
  LEASE_WARN_EVERY_MS: z.coerce.number().int().min(100).max(3600_000).default(30_000),
  /** How long an instance holds the leases it is ending before another may take them over. */
  LEASE_CLAIM_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
  /** How often waiting notifications are looked for and sent. */
  OUTBOX_TICK_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
  /** Attempts of one delivery before it is given up (the delivery log keeps it, with a button to send again). */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** The first retry's delay; each next one doubles it, up to an hour. */
  OUTBOX_RETRY_MS: z.coerce.number().int().min(100).max(3600_000).default(5_000),
  /** How often the projects signed in are asked for incoming shares that wait (`incoming.waiting`); 0 never. */
  INCOMING_WATCH_MS: z.coerce.number().int().min(0).default(300_000),
  /** How often each watched manifest is compared with the cloud (also after every CTS import); 0 only on "Check now" and imports. */
  DRIFT_CHECK_MS: z.coerce.number().int().min(0).default(900_000),
  /**
   * The console's public address, for the links in notifications (`https://imshare.example.com`); unset,
   * notifications carry paths only. Webhooks must be https unless WEBHOOK_ALLOW_HTTP is set.
   */
  CONSOLE_PUBLIC_URL: z.string().url().optional(),
  /** `1` lets webhooks use plain http (a receiver on the same host, tests); defaults to on against the emulator. */
  WEBHOOK_ALLOW_HTTP: z.enum(["0", "1", "true", "false"]).optional(),
});

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  return { ...parsed.data, IAM_ENDPOINT: parsed.data.IAM_ENDPOINT ?? parsed.data.CLOUD_ENDPOINT };
}

export const env = load();
const list = (value: string) =>
  value
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);
export const regions = list(env.CLOUD_REGIONS);
export const windowsRestrictedRegions = list(env.WINDOWS_SHARING_RESTRICTED_REGIONS);
