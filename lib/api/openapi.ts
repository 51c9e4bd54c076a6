import { z } from "zod";
import { historyFilterSchema } from "@/lib/audit/filter";
import { ERRORS } from "@/lib/errors";
import * as contract from "./contract-schemas";
import { MAX_BODY_BYTES } from "./input";
import * as reads from "./schemas";

type Access = "read" | "write" | "public";

/** One operation of the API as the document describes it. */
interface Operation {
  method: "get" | "post";
  path: string;
  summary: string;
  access: Access;
  query?: z.ZodObject;
  /** The request body's schema, by its component name. */
  body?: [string, z.ZodType];
  /** `{data}`'s schema by component name; a file's media types; or an answer that is a document of its own. */
  answer: [string, z.ZodType] | { files: string[] } | { document: string };
}

/** History's filter as the URL takes it; the two fields it transforms are said as they are written. */
const historyQuery = historyFilterSchema.extend({
  action: z.array(z.string()).optional().describe("Actions (share, unshare, batch_launched…); repeat for several"),
  sessions: z.literal("1").optional().describe("1 to include sign-ins and sign-outs"),
  limit: z.number().int().min(1).max(500).optional().describe("Events per page (50)"),
  cursor: z.string().optional().describe("The `next` of the page before"),
});

/** Every path of the API (issue 18's contract), the manifest and batch-launch routes included. */
export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/me",
    summary: "Who the token acts as, where, and the token",
    access: "read",
    answer: ["Me", reads.meSchema],
  },
  {
    method: "get",
    path: "/api/v1/images",
    summary: "The project's own IMS and CPH images with member counts",
    access: "read",
    query: reads.imagesQuerySchema,
    answer: ["ImageList", z.array(reads.imageSchema)],
  },
  {
    method: "get",
    path: "/api/v1/images/{id}/members",
    summary: "The members of one of the project's own images, with end dates",
    access: "read",
    answer: ["MemberList", z.array(reads.memberSchema)],
  },
  {
    method: "post",
    path: "/api/v1/manifest/plan",
    summary: "Plan a manifest against the cloud: add, remove, keep or blocked, pair by pair",
    access: "read",
    body: ["ManifestBody", contract.manifestBodySchema],
    answer: ["ManifestPlan", contract.manifestPlanSchema],
  },
  {
    method: "post",
    path: "/api/v1/manifest/apply",
    summary: "Apply a manifest: its plan launched as batches, approvals asked where the policy wants them",
    access: "write",
    body: ["ApplyBody", contract.applyBodySchema],
    answer: ["ApplyResult", contract.applyResultSchema],
  },
  {
    method: "get",
    path: "/api/v1/manifest/export",
    summary: "The project's current sharing as a manifest",
    access: "read",
    answer: ["ManifestExport", contract.manifestExportSchema],
  },
  {
    method: "post",
    path: "/api/v1/manifest/drift",
    summary: "What differs between a manifest and the cloud: the pairs to add or remove",
    access: "read",
    body: ["ManifestBody", contract.manifestBodySchema],
    answer: ["Drift", contract.driftSchema],
  },
  {
    method: "get",
    path: "/api/v1/manifest/schema.json",
    summary: "The manifest's JSON Schema",
    access: "public",
    answer: { document: "A JSON Schema (draft 2020-12) of the manifest, version 1" },
  },
  {
    method: "post",
    path: "/api/v1/batches",
    summary: "Launch a batch share or unshare",
    access: "write",
    body: ["LaunchBody", contract.launchBodySchema],
    answer: ["LaunchResult", contract.launchResultSchema],
  },
  {
    method: "get",
    path: "/api/v1/batches/{id}",
    summary: "A batch with its status and counts",
    access: "read",
    answer: ["Batch", reads.batchSchema],
  },
  {
    method: "get",
    path: "/api/v1/batches/{id}/pairs",
    summary: "A batch's pairs, of some statuses or all",
    access: "read",
    query: reads.pairsQuerySchema,
    answer: ["BatchPairList", z.array(reads.batchPairSchema)],
  },
  {
    method: "post",
    path: "/api/v1/batches/{id}/retry",
    summary: "Send a batch's failed pairs again",
    access: "write",
    answer: ["RetryResult", contract.retryResultSchema],
  },
  {
    method: "get",
    path: "/api/v1/history",
    summary: "A page of the project's history, newest first",
    access: "read",
    query: historyQuery,
    answer: ["HistoryPage", reads.historyPageSchema],
  },
  {
    method: "get",
    path: "/api/v1/history/export",
    summary: "The whole filtered history as a file",
    access: "read",
    query: historyQuery.omit({ limit: true, cursor: true }).extend({ format: z.enum(["csv", "json"]).optional() }),
    answer: { files: ["text/csv", "application/json"] },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document",
    access: "public",
    answer: { document: "An OpenAPI 3.1 document" },
  },
];

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });

/** The component schemas, generated from the zod schemas: every body, every answer wrapped in `{data}`, the error. */
function components(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  const add = (schema: z.ZodType, id: string) => {
    if (!registry.has(schema)) registry.add(schema, { id });
  };
  add(reads.errorSchema, "Error");
  // Items of lists, named so that clients' generators name them too.
  add(reads.imageSchema, "Image");
  add(reads.memberSchema, "Member");
  add(reads.batchPairSchema, "BatchPair");
  add(reads.historyEventSchema, "HistoryEvent");
  add(contract.manifestPairSchema, "ManifestPlanPair");
  for (const op of OPERATIONS) {
    if (op.body) add(op.body[1], op.body[0]);
    if (Array.isArray(op.answer)) {
      add(op.answer[1], op.answer[0]);
      add(z.object({ data: op.answer[1] }), `${op.answer[0]}Answer`);
    }
  }
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: "input",
    unrepresentable: "any",
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}

function parameters(op: Operation): object[] {
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = Object.entries(op.query?.shape ?? {}).map(([name, field]) => {
    const { $schema: _s, ...schema } = z.toJSONSchema(field as z.ZodType, { io: "output", unrepresentable: "any" });
    return {
      name,
      in: "query",
      required: false,
      schema,
      ...(schema.type === "array" && { style: "form", explode: true }),
      ...(schema.description && { description: schema.description }),
    };
  });
  return [...path, ...query];
}

const error = (description: string) => ({ description, ...json(ref("Error")) });

function responses(op: Operation): Record<string, object> {
  const ok = Array.isArray(op.answer)
    ? { description: op.summary, ...json(ref(`${op.answer[0]}Answer`)) }
    : "files" in op.answer
      ? {
          description: "The file, streamed",
          content: Object.fromEntries(op.answer.files.map((type) => [type, { schema: { type: "string" } }])),
        }
      : { description: op.answer.document, ...json({ type: "object" }) };
  if (op.access === "public") return { "200": ok };
  return {
    "200": ok,
    ...((op.query || op.body) && { "400": error("invalid_input: the query or body is refused, with fieldErrors") }),
    "401": error(
      "invalid_token (no, unknown, revoked or expired token, or its entrusted access key refused by the cloud) or session_expired (a session token's user has no live console session in its project)",
    ),
    "403": error(
      op.access === "write"
        ? "forbidden: a read token, a read-only IAM user, or the cloud refused"
        : "forbidden: the cloud refused the token's user",
    ),
    ...(op.path.includes("{id}") && {
      "404": error("not_found: no such id in this project (another project's is not found either)"),
    }),
    default: error("rate_limited (429), or the cloud or the console failed (5xx)"),
  };
}

const errorTable = Object.entries(ERRORS)
  .map(([code, [status, sentence]]) => `| \`${code}\` | ${status} | ${sentence} |`)
  .join("\n");

/** The OpenAPI 3.1 document of the HTTP API, served at /api/v1/openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of OPERATIONS) {
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      operationId: `${op.method}${op.path.replace(/^\/api\/v1/, "").replace(/[^A-Za-z0-9]+(\w)?/g, (_, c?: string) => (c ?? "").toUpperCase())}`,
      "x-access": op.access,
      ...(op.access === "public" && { security: [] }),
      parameters: parameters(op),
      ...(op.body && { requestBody: { required: true, ...json(ref(op.body[0])) } }),
      responses: responses(op),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Imshare API",
      version: "1",
      description: [
        "Share Huawei Cloud IMS and CPH images from scripts. Every request but the two public documents carries a personal access token (Settings → API tokens): `Authorization: Bearer imsh_…`.",
        "A token acts with its user's newest valid console session in the token's project, and needs them to have signed in; or, if they entrusted one when making it, with an access key of their own IAM user, whose AK/SK signature reaches the cloud without any session. Either way it never does more than the user could. `x-access: write` operations need a token with write access and a user who is not read-only. Every use is recorded on the token; changes are in History with source API.",
        `Answers are \`{"data": …}\`, failures \`{"error": {"code", "message", "fieldErrors"?}}\` with the code's status, the message in the language of Accept-Language (English or Simplified Chinese). JSON bodies are at most ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
        "| code | status | meaning |\n| --- | --- | --- |\n" + errorTable,
      ].join("\n\n"),
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "imsh_ followed by 40 letters and digits" },
      },
      schemas: components(),
    },
  };
}
