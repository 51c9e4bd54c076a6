/**
 * SMN's part of the data model, apart from `types.ts` so that each stays small. Times are epoch
 * milliseconds; the wire formats are in `emulator/smn/`.
 */

/** A topic of one project; its URN `urn:smn:{region}:{project_id}:{name}` is unique across the world. */
export interface SmnTopic {
  urn: string;
  projectId: string;
  name: string;
  displayName: string;
  /** 32 hex, what `topic_id` filters on. */
  topicId: string;
  /** 0 keeps messages that failed to push, 1 drops them (SMN's `push_policy`). */
  pushPolicy: 0 | 1;
  enterpriseProjectId: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * A message SMN accepted, kept so that tests and demos can see what the console published
 * (`GET /__emulator/smn/messages`); field names are those of the control's answer.
 */
export interface SmnMessage {
  message_id: string;
  topic_urn: string;
  project_id: string;
  /** Absent for a signed call's pair without a user, which the demo world has none of. */
  user_id?: string;
  subject?: string;
  message?: string;
  message_structure?: string;
  message_template_name?: string;
  published_at: number;
}
