import { z } from "zod";

/**
 * The shapes of the contract's manifest and batch-launch routes (issue 18) for the OpenAPI document: the
 * request bodies and answers as the contract fixes them. The routes that serve them may parse with
 * schemas of their own; the coverage test (openapi.test.ts) keeps the document's paths and the route
 * files on disk the same.
 */

const iso = () => z.string().describe("ISO 8601 time, UTC");
const service = z.enum(["ims", "cph"]);
const memberStatus = z.enum(["pending", "accepted", "rejected"]);

export const manifestBodySchema = z.object({ manifest: z.string().describe("The manifest, YAML text (version 1)") });

export const applyBodySchema = manifestBodySchema.extend({
  planDigest: z.string().optional().describe("The digest of the plan reviewed: refused if the plan changed since"),
  reason: z.string().optional().describe("Why, for pairs the sharing policy lets through with a reason"),
});

export const manifestPairSchema = z.object({
  image: z.string(),
  imageName: z.string(),
  service,
  target: z.object({ kind: z.enum(["project", "account", "organization"]), value: z.string(), memberId: z.string() }),
  action: z.enum(["add", "remove", "keep", "blocked"]),
  change: z.enum(["add", "remove"]).optional().describe("Blocked pairs: the change held back"),
  memberStatus: memberStatus.optional(),
  reason: z.string().optional().describe("In the language of Accept-Language"),
  verdict: z.enum(["allowed", "reason", "approval", "denied"]).optional(),
  endsAt: iso().optional(),
});

export const manifestPlanSchema = z.object({
  digest: z.string(),
  counts: z.object({
    add: z.number().int(),
    remove: z.number().int(),
    keep: z.number().int(),
    blocked: z.number().int(),
  }),
  warnings: z.array(z.object({ message: z.string() })),
  pairs: z.array(manifestPairSchema),
});

export const applyResultSchema = z.object({
  batches: z.array(
    z.object({ id: z.string(), operation: z.enum(["share", "unshare"]), launched: z.number().int(), url: z.string() }),
  ),
  approvals: z.array(z.object({ id: z.string(), pairs: z.number().int() })),
  nothing: z.boolean().describe("True when the cloud already matches the manifest"),
});

export const manifestExportSchema = z.object({ yaml: z.string() });

export const driftSchema = z.object({
  drift: z
    .array(manifestPairSchema)
    .describe("What differs from the file: the pairs to add or remove, and those blocked (with the change held back)"),
  checkedAt: iso(),
});

export const launchBodySchema = z.object({
  operation: z.enum(["share", "unshare"]),
  imageIds: z.array(z.string()).min(1),
  targets: z
    .string()
    .describe("Project ids, account ids or organization URNs, separated by spaces, commas or new lines"),
  kind: z.enum(["project", "account"]).optional().describe("What a 32-hex id is taken for (default project)"),
  endsAt: z.number().int().optional().describe("A share's end date, epoch milliseconds"),
  reason: z.string().optional(),
});

export const launchResultSchema = z.object({ id: z.string(), launched: z.number().int() });

export const retryResultSchema = z.object({ retried: z.number().int() });
