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
  __whole_image: z.string().optional(),
  __backup_id: z.string().optional(),
  __system__cmkid: z.string().optional(),
  min_disk: z.number().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Image = z.infer<typeof imageSchema>;

export const imageListSchema = z.object({ images: z.array(imageSchema) });
