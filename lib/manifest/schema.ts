import { z } from "zod";
import { IMAGE_ID, ORG_URN } from "@/lib/ids";
import type { Messages } from "@/messages";
import type { TargetKind } from "@/lib/sharing/targets";

/**
 * The manifest format, version 1: who should have which of the project's own images. The schema is
 * strict (an unknown key is an error, so a typo never silently means "nobody"); its sentences are the
 * `manifest.problems` keys, which parse.ts says with the line and column they concern.
 */

/** What can be wrong with one value of a manifest: a key of `manifest.problems`. */
export type ProblemKind = keyof Messages["manifest"]["problems"];
const problem = (kind: ProblemKind) => ({ error: `manifest.problems.${kind}` });

/** Most entries a manifest holds, and targets an entry names. */
export const MANIFEST_LIMITS = { entries: 2_000, targets: 1_000 } as const;

/** 32 hex characters in either case; IAM writes them lower-case, and so does the schema's output. */
const HEX32_ANY_CASE = /^[0-9a-fA-F]{32}$/;
/** A region name as Huawei Cloud writes them: `cn-north-4`, `ap-southeast-1`, `la-south-2`. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** A glob on the image name: `*` for any run of characters, `?` for one. */
const PATTERN = /^[^\n\r]{1,255}$/;
/** An IMS tag as people write it: `key` or `key=value`. */
const TAG = /^[^\s=]{1,128}(=[^\s]{0,255})?$/;

const lower = (s: string) => s.toLowerCase();
const hexId = (kind: ProblemKind, description: string) =>
  z.string(problem("notText")).regex(HEX32_ANY_CASE, problem(kind)).transform(lower).describe(description);
const endsAt = (description: string) =>
  z.iso
    .datetime({ offset: true, ...problem("notADate") })
    .transform((iso) => Date.parse(iso))
    .describe(description);

const targetSchema = z
  .strictObject(
    {
      project: hexId("notAProjectId", "A project id of this region (32 hexadecimal characters).").optional(),
      account: hexId("notAnAccountId", "An account (domain) id (32 hexadecimal characters).").optional(),
      organization: z
        .string(problem("notText"))
        .regex(ORG_URN, problem("notAnOrgUrn"))
        .describe("An Organizations URN of the organization or one of its units.")
        .optional(),
      endsAt: endsAt("When this share ends, if the plan adds it (an ISO date and time with its zone).").optional(),
    },
    problem("notAMap"),
  )
  .describe("Who should have the image: exactly one of project, account or organization.")
  .superRefine((t, ctx) => {
    const given = [t.project, t.account, t.organization].filter((v) => v !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: "custom", message: problem("oneTarget").error });
  })
  .transform((t): ManifestTarget => {
    const [kind, value] = (
      t.project !== undefined
        ? ["project", t.project]
        : t.account !== undefined
          ? ["account", t.account]
          : ["organization", t.organization!]
    ) as [TargetKind, string];
    const urn = kind === "organization" ? ORG_URN.exec(value) : null;
    const memberId = urn ? (urn[1] ?? urn[2]) : value;
    return { kind, value, memberId, ...(t.endsAt !== undefined && { endsAt: t.endsAt }) };
  });

const entrySchema = z
  .strictObject(
    {
      id: z
        .string(problem("notText"))
        .regex(IMAGE_ID, problem("notAnImageId"))
        .describe("One image by id: an IMS image UUID or a CPH phone image id.")
        .optional(),
      name: z
        .string(problem("notText"))
        .regex(PATTERN, problem("notAPattern"))
        .describe("Images by name: a case-sensitive glob, * for any run of characters and ? for one.")
        .optional(),
      tag: z
        .string(problem("notText"))
        .regex(TAG, problem("notATag"))
        .describe("IMS images by tag: key=value, or key alone for any value.")
        .optional(),
      service: z
        .enum(["ims", "cph"], problem("service"))
        .describe("Only images of this service (name and tag entries).")
        .optional(),
      targets: z
        .array(targetSchema, problem("notAList"))
        .max(MANIFEST_LIMITS.targets, problem("tooManyTargets"))
        .describe("Who should have the images; members not listed are removed. An empty list means nobody."),
      endsAt: endsAt("The default end date of the entry's targets, for the pairs the plan adds.").optional(),
    },
    problem("notAMap"),
  )
  .describe("Images chosen by exactly one of id, name or tag, and who should have them.")
  .superRefine((e, ctx) => {
    const given = [e.id, e.name, e.tag].filter((v) => v !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: "custom", message: problem("oneSelector").error });
    else if (e.id !== undefined && e.service !== undefined)
      ctx.addIssue({ code: "custom", path: ["service"], message: problem("serviceWithId").error });
  });

export const manifestSchema = z
  .strictObject(
    {
      version: z.literal(1, problem("version")).describe("The format's version: 1."),
      region: z
        .string(problem("notText"))
        .regex(REGION, problem("region"))
        .describe("The region the manifest is for; when given, it must be the caller's.")
        .optional(),
      project: hexId(
        "notAProjectId",
        "The project the manifest is for; when given, it must be the caller's.",
      ).optional(),
      owns: z
        .enum(["listed", "all"], problem("owns"))
        .default("listed")
        .describe(
          "listed: own images no entry matches are left alone. all: own images no entry matches must have no members.",
        ),
      images: z
        .array(entrySchema, problem("notAList"))
        .max(MANIFEST_LIMITS.entries, problem("tooManyEntries"))
        .default([])
        .describe("The entries; an image matched by several gets the union of their targets."),
    },
    problem("notAMap"),
  )
  .meta({
    title: "Imshare sharing manifest",
    description:
      "Who should have which of a project's own images (IMS and CPH). A pair given two end dates keeps the later; no end date wins over any date.",
  });

/** A target as the plan uses it: the sharing domain's Target (lib/sharing/targets), with an end date. */
export interface ManifestTarget {
  kind: TargetKind;
  value: string;
  memberId: string;
  /** Epoch ms. */
  endsAt?: number;
}

export type Manifest = z.output<typeof manifestSchema>;
export type ManifestEntry = Manifest["images"][number];

/** The published JSON Schema's address (the API serves it at /api/v1/manifest/schema.json). */
export const MANIFEST_SCHEMA_ID = "https://imshare.dev/schemas/manifest-v1.json";

/**
 * The manifest's JSON Schema, for editors and other tools to check a file before it is sent. zod
 * cannot express "exactly one of" in JSON Schema, so the two refinements are added as `oneOf`.
 */
export function manifestJsonSchema(): Record<string, unknown> {
  const oneOf = (keys: string[]) => keys.map((k) => ({ required: [k] }));
  const schema = z.toJSONSchema(manifestSchema, {
    io: "input",
    target: "draft-2020-12",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === entrySchema) {
        jsonSchema.oneOf = oneOf(["id", "name", "tag"]);
        jsonSchema.not = { required: ["id", "service"] };
      }
      if (zodSchema === targetSchema) jsonSchema.oneOf = oneOf(["project", "account", "organization"]);
    },
  });
  const { $schema, ...rest } = schema;
  return { $schema, $id: MANIFEST_SCHEMA_ID, ...rest };
}
