import { z } from "zod";
import { list, optNum, optString } from "./tolerant";

/**
 * SMN (Simple Message Notification), as the SDK's models give it (`services/smn/v2/model/`):
 * ListTopicsItem, ListTopicsResponse, PublishMessageRequestBody and PublishMessageResponse. Only what
 * the console reads is required.
 */

/** Largest message SMN takes: 256 KB of UTF-8 (API reference, PublishMessage). */
export const SMN_MESSAGE_MAX_BYTES = 256 * 1024;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export const topicSchema = z.object({
  topic_urn: z.string(),
  name: z.string(),
  display_name: optString(),
  push_policy: optNum(),
  enterprise_project_id: optString(),
  topic_id: optString(),
  create_time: optString(),
  update_time: optString(),
});
export type SmnTopicWire = z.infer<typeof topicSchema>;

/** `topic_count` counts every match, not the page; topics come newest first. */
export const topicListSchema = z.object({
  request_id: optString(),
  topic_count: optNum(),
  topics: list(topicSchema),
});

/**
 * A text message: the console sends `message`, never `message_structure` or a template. The subject is
 * cut to SMN's size before it gets here (`fitSubject`), so only the message is refused.
 */
export const publishMessageSchema = z.object({
  subject: z.string().optional(),
  message: z
    .string()
    .refine((m) => m.trim() !== "", "A message cannot be blank.")
    .refine((m) => utf8Bytes(m) <= SMN_MESSAGE_MAX_BYTES, "A message is at most 256 KB."),
});

export const publishResultSchema = z.object({ request_id: optString(), message_id: z.string() });
