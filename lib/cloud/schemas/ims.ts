import { z } from "zod";
import { list, opt, optCode, optNum, optString } from "./tolerant";

/** The image fields the console uses (reference 3.1); unknown fields are ignored, absent and `null` alike. */
export const imageSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  owner: z.string(),
  visibility: z.string(),
  __imagetype: z.string(),
  __os_type: optString(),
  __platform: optString(),
  __os_version: optString(),
  virtual_env_type: optString(),
  __image_size: optCode(),
  __whole_image: opt(z.union([z.string(), z.boolean()])),
  __backup_id: optString(),
  __system__cmkid: optString(),
  __productcode: optString(),
  min_disk: optNum(),
  /** IMS writes `key.value`; an image without tags may leave the field out. */
  tags: opt(list(z.string())),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Image = z.infer<typeof imageSchema>;

export const imageListSchema = z.object({ images: list(imageSchema) });

/** Member object of every IMS member API (reference 4.1); `member_type` may be absent on old deployments. */
export const memberSchema = z.object({
  image_id: z.string(),
  member_id: z.string(),
  status: z.enum(["pending", "accepted", "rejected"]),
  created_at: z.string(),
  updated_at: z.string(),
  member_type: z
    .enum(["project", "domain", "organization"])
    .nullish()
    .transform((t) => t ?? "project"),
  urn: optString(),
});
export type Member = z.infer<typeof memberSchema>;

/** The end of the list is an absent, empty or `null` `next_marker` (D2), all read as "". */
export const memberListSchema = z.object({
  members: list(memberSchema),
  page_info: opt(z.object({ next_marker: optString().transform((m) => m ?? "") })),
});

export const quotaSchema = z.object({
  quotas: z.object({
    resources: list(z.object({ type: z.string(), used: optNum(), quota: optNum() })),
  }),
});

export const jobIdSchema = z.object({ job_id: z.string() });

/** ShowJob (reference 7.1): tolerant of every variation the reference warns about. */
export const jobSchema = z.object({
  job_id: z.string(),
  job_type: optString(),
  status: z.string().transform((s) => s.toUpperCase()),
  begin_time: optString(),
  end_time: optString(),
  error_code: optCode(),
  fail_reason: optString(),
  entities: opt(
    z
      .object({
        results: list(z.object({ image_id: optString(), project_id: optString(), status: optString() })),
        process_percent: optNum(),
      })
      .passthrough(),
  ),
});
export type Job = z.infer<typeof jobSchema>;

/** Batch add/delete (reference 6.1, 6.3): an empty `domains` or `organizations` is refused on some regions (D5), so it is never sent. */
export const batchMembersSchema = z.object({
  images: z.array(z.string()).min(1),
  projects: z.array(z.string()),
  domains: z.array(z.string()).min(1).optional(),
  organizations: z.array(z.string()).min(1).optional(),
});
export type BatchMembers = z.infer<typeof batchMembersSchema>;

export const batchUpdateSchema = z.object({
  images: z.array(z.string()).min(1),
  project_id: z.string(),
  status: z.enum(["accepted", "rejected"]),
  vault_id: z.string().optional(),
});
export type BatchUpdate = z.infer<typeof batchUpdateSchema>;
