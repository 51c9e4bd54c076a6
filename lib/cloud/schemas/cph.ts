import { z } from "zod";

/** `status` of a custom phone image (reference 9.1). */
export const PHONE_IMAGE_STATUS = { creating: 0, usable: 1, failed: 2 } as const;

/** One entry of `image_infos` (reference 9.1); unknown fields are ignored. */
export const phoneImageSchema = z.object({
  image_id: z.string(),
  image_name: z.string(),
  image_type: z.string(),
  status: z.number().int(),
  image_version: z.string().optional(),
  image_size: z.number().optional(),
  domain_id: z.string().optional(),
  project_id: z.string().optional(),
  src_project_id: z.string().optional(),
  create_time: z.string().optional(),
  update_time: z.string().optional(),
});
export type PhoneImage = z.infer<typeof phoneImageSchema>;

export const phoneImageListSchema = z.object({
  image_infos: z.array(phoneImageSchema).default([]),
  total: z.number().int().optional(),
});

/** A CPH member: no status, times in epoch milliseconds (reference 9.3). */
export const phoneMemberSchema = z.object({
  image_id: z.string(),
  member_id: z.string(),
  create_time: z.number(),
  update_time: z.number(),
});
export type PhoneMember = z.infer<typeof phoneMemberSchema>;

export const phoneMemberListSchema = z.object({ members: z.array(phoneMemberSchema).default([]) });

export const addPhoneImageMemberSchema = z.object({ member: z.string().min(1) });

/** The consumer's answer to a share (reference 9.4). */
export const updatePhoneImageMemberSchema = z.object({ status: z.enum(["accepted", "rejected"]) });
export type PhoneMemberDecision = z.infer<typeof updatePhoneImageMemberSchema>["status"];

/** Answer of the member calls: the model also allows an error inside a 200 (reference 9.2, 9.5). */
export const phoneRequestIdSchema = z.object({
  request_id: z.string().optional(),
  error_code: z.string().optional(),
  error_msg: z.string().optional(),
});
