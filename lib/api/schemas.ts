import { z } from "zod";
import { PAIR_STATUSES } from "@/lib/batches/types";

/**
 * The shapes the HTTP API's read routes answer, as zod schemas: the routes' answers are typed by them and
 * the OpenAPI document (lib/api/openapi.ts) is generated from them, so the two cannot drift apart.
 */

const iso = () => z.string().describe("ISO 8601 time, UTC");
const service = z.enum(["ims", "cph"]);
const memberStatus = z.enum(["pending", "accepted", "rejected"]);
const targetKind = z.enum(["project", "account", "organization"]);

export const errorSchema = z.object({
  error: z.object({
    code: z
      .string()
      .describe(
        "One of the console's error codes (invalid_input, invalid_token, session_expired, forbidden, not_found…)",
      ),
    message: z.string().describe("What happened and what to do next, in the language of Accept-Language"),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    upstreamCode: z.string().optional().describe("Huawei Cloud's own code (IMG.0088)"),
    upstreamRequestId: z.string().optional(),
  }),
});

export const meSchema = z.object({
  userName: z.string(),
  accountName: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  region: z.string(),
  token: z.object({ name: z.string(), access: z.enum(["read", "write"]), expiresAt: iso() }),
});

export const imageSchema = z.object({
  id: z.string(),
  name: z.string(),
  service,
  status: z.string(),
  memberCount: z.number().int().optional().describe("Absent when a phone image's members could not be read"),
});

export const memberSchema = z.object({
  memberId: z.string(),
  kind: targetKind,
  status: memberStatus.optional().describe("Absent for phone image (CPH) members, which have none"),
  endsAt: iso().optional().describe("The share's end date, when it has one"),
});

const counts = z.record(z.string(), z.number().int()).describe("Pairs by status, and launched and done");

export const batchSchema = z.object({
  id: z.string(),
  operation: z.enum(["share", "unshare"]),
  status: z.enum(["running", "waiting_for_sign_in", "finished", "cancelled"]),
  statusMessage: z.string().nullable().describe("Why it waits or how it ended, in the language of Accept-Language"),
  projectId: z.string(),
  projectName: z.string(),
  region: z.string(),
  userName: z.string(),
  imageCount: z.number().int(),
  targetCount: z.number().int(),
  pairCount: z.number().int(),
  counts,
  progress: z.number().min(0).max(1),
  calls: z.number().int(),
  createdAt: iso(),
  updatedAt: iso(),
  finishedAt: iso().nullable(),
});

export const pairStatusSchema = z.enum(PAIR_STATUSES as [string, ...string[]]);

/** `GET /api/v1/images`: both services, or one. */
export const imagesQuerySchema = z.object({ service: service.optional() });

/** `GET /api/v1/batches/{id}/pairs`: `?status=failed` or `?status=failed,cancelled` (or the parameter repeated). */
export const pairsQuerySchema = z.object({
  status: z
    .preprocess(
      (v) =>
        v === undefined
          ? []
          : [v]
              .flat()
              .flatMap((s) => String(s).split(","))
              .filter(Boolean),
      z.array(pairStatusSchema),
    )
    .optional(),
});

export const batchPairSchema = z.object({
  idx: z.number().int(),
  imageId: z.string(),
  imageName: z.string(),
  service,
  targetKind,
  target: z.string(),
  memberId: z.string(),
  status: pairStatusSchema,
  code: z.string().nullable(),
  reason: z.string().nullable().describe("In the language of Accept-Language"),
  attempt: z.number().int(),
  jobId: z.string().nullable(),
  updatedAt: iso(),
});

export const historyEventSchema = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    occurredAt: iso(),
    userName: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    region: z.string(),
    action: z.string(),
    source: z.enum(["console", "cts", "lease", "api"]),
    outcome: z.enum(["succeeded", "failed", "partial"]),
    images: z.array(z.string()),
    targets: z.array(z.string()),
    pairs: z.array(
      z.object({
        image: z.string(),
        target: z.string(),
        outcome: z.enum(["succeeded", "failed", "skipped"]),
        code: z.string().optional(),
      }),
    ),
    input: z.unknown(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable().describe("As recorded, in English"),
    requestId: z.string().nullable(),
    jobId: z.string().nullable(),
    hash: z.string().nullable(),
  })
  .loose();

export const historyPageSchema = z.object({
  events: z.array(historyEventSchema),
  next: z.string().optional().describe("The cursor of the next (older) page"),
});

export type MeView = z.infer<typeof meSchema>;
export type HistoryEventView = z.infer<typeof historyEventSchema>;
export type BatchView = z.infer<typeof batchSchema>;
export type BatchPairApiView = z.infer<typeof batchPairSchema>;
export type ImageView = z.infer<typeof imageSchema>;
export type MemberView = z.infer<typeof memberSchema>;
