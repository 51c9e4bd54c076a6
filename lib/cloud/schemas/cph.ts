import { z } from "zod";
import { list, num, opt, optCode, optNum, optString } from "./tolerant";

/** `status` of a custom phone image (reference 9.1). */
export const PHONE_IMAGE_STATUS = { creating: 0, usable: 1, failed: 2 } as const;

const time = z.union([z.string(), z.number().transform((ms) => new Date(ms).toISOString())]);

/** One entry of `image_infos` (reference 9.1); unknown fields are ignored, absent and `null` alike (D2). */
export const phoneImageSchema = z.object({
  image_id: z.string(),
  image_name: z.string(),
  image_type: z.string(),
  status: num().pipe(z.number().int()),
  image_version: optString(),
  image_size: optNum(),
  domain_id: optString(),
  project_id: optString(),
  src_project_id: optString(),
  /** A string by the reference (format undocumented); epoch milliseconds, as the member times, become ISO text. */
  create_time: opt(time),
  update_time: opt(time),
});
export type PhoneImage = z.infer<typeof phoneImageSchema>;

export const phoneImageListSchema = z.object({
  image_infos: list(phoneImageSchema),
  total: optNum(),
});

/** A CPH member: no status, times in epoch milliseconds (reference 9.3). */
export const phoneMemberSchema = z.object({
  image_id: z.string(),
  member_id: z.string(),
  create_time: num(),
  update_time: num(),
});
export type PhoneMember = z.infer<typeof phoneMemberSchema>;

export const phoneMemberListSchema = z.object({ members: list(phoneMemberSchema) });

export const addPhoneImageMemberSchema = z.object({ member: z.string().min(1) });

/** The consumer's answer to a share (reference 9.4). */
export const updatePhoneImageMemberSchema = z.object({ status: z.enum(["accepted", "rejected"]) });
export type PhoneMemberDecision = z.infer<typeof updatePhoneImageMemberSchema>["status"];

/** Answer of the member calls: the model also allows an error inside a 200 (reference 9.2, 9.5). */
export const phoneRequestIdSchema = z.object({
  request_id: optString(),
  error_code: optCode(),
  error_msg: optString(),
});
