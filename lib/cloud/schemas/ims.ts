import { z } from "zod";

/** The image fields the console uses (reference 3.1); unknown fields are ignored. */
export const imageSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  owner: z.string(),
  visibility: z.string(),
  __imagetype: z.string(),
  __os_type: z.string().optional(),
  __platform: z.string().optional(),
  __os_version: z.string().optional(),
  virtual_env_type: z.string().optional(),
  __image_size: z.string().optional(),
  __whole_image: z.union([z.string(), z.boolean()]).optional(),
  __backup_id: z.string().optional(),
  __system__cmkid: z.string().optional(),
  __productcode: z.string().optional(),
  min_disk: z.number().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Image = z.infer<typeof imageSchema>;

export const imageListSchema = z.object({ images: z.array(imageSchema) });

/** Member object of every IMS member API (reference 4.1); `member_type` may be absent on old deployments. */
export const memberSchema = z.object({
  image_id: z.string(),
  member_id: z.string(),
  status: z.enum(["pending", "accepted", "rejected"]),
  created_at: z.string(),
  updated_at: z.string(),
  member_type: z.enum(["project", "domain", "organization"]).optional().default("project"),
  urn: z.string().optional(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberListSchema = z.object({
  members: z.array(memberSchema),
  page_info: z.object({ next_marker: z.string().optional().default("") }).optional(),
});

export const quotaSchema = z.object({
  quotas: z.object({
    resources: z.array(z.object({ type: z.string(), used: z.number(), quota: z.number() })),
  }),
});

export const jobIdSchema = z.object({ job_id: z.string() });

/** ShowJob (reference 7.1): tolerant of every variation the reference warns about. */
export const jobSchema = z.object({
  job_id: z.string(),
  job_type: z.string().optional(),
  status: z.string().transform((s) => s.toUpperCase()),
  begin_time: z.string().nullish(),
  end_time: z.string().nullish(),
  error_code: z.string().nullish(),
  fail_reason: z.string().nullish(),
  entities: z
    .object({
      results: z
        .array(z.object({ image_id: z.string().optional(), project_id: z.string().optional(), status: z.string().optional() }))
        .optional(),
      process_percent: z.number().optional(),
    })
    .passthrough()
    .nullish(),
});
export type Job = z.infer<typeof jobSchema>;

export const batchMembersSchema = z.object({
  images: z.array(z.string()).min(1),
  projects: z.array(z.string()),
  domains: z.array(z.string()).optional(),
  organizations: z.array(z.string()).optional(),
});
export type BatchMembers = z.infer<typeof batchMembersSchema>;

export const batchUpdateSchema = z.object({
  images: z.array(z.string()).min(1),
  project_id: z.string(),
  status: z.enum(["accepted", "rejected"]),
  vault_id: z.string().optional(),
});
export type BatchUpdate = z.infer<typeof batchUpdateSchema>;
