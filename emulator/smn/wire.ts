import type { Emu } from "../core/context";
import { smnError } from "../core/errors";
import { isoSeconds } from "../core/time";
import type { SmnTopic } from "../store/smn";

/** A topic URN as SMN writes it; a topic name is 1 to 255 letters, digits, `-` and `_`, not starting with either. */
export const TOPIC_URN = /^urn:smn:[a-z0-9-]+:[0-9a-f]{32}:[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;

/** Longest subject: 512 bytes (the current reference; an older edition says 512 characters). */
export const SUBJECT_MAX_BYTES = 512;
/** Largest message: 256 KB of UTF-8. */
export const MESSAGE_MAX_BYTES = 256 * 1024;

/** The messages of SMN's error table for the codes the emulator answers. */
const MESSAGES = {
  "SMN.0001": "No permission to request resources.",
  "SMN.0005": "Parameter: TopicUrn is invalid.",
  "SMN.0006": "Topic not found.",
  "SMN.0008": "Parameter: Subject is invalid.",
  "SMN.0009": "Parameter: Message is invalid.",
  "SMN.0015": "Parameter: Offset or limit is invalid.",
  "SMN.0021": "MessageStructure is invalid.",
  "SMN.0032": "Parameter: message_template_name is invalid.",
} as const;
type Code = keyof typeof MESSAGES;

/** Statuses of SMN's error table (its 403 for a bad subject or message can be played as 400). */
const STATUSES: Record<Code, number> = {
  "SMN.0001": 403,
  "SMN.0005": 400,
  "SMN.0006": 404,
  "SMN.0008": 403,
  "SMN.0009": 403,
  "SMN.0015": 400,
  "SMN.0021": 400,
  "SMN.0032": 400,
};

export function smnRefusal(emu: Emu, code: Code) {
  const status = code === "SMN.0008" || code === "SMN.0009" ? emu.config.smn.invalidParameterStatus : STATUSES[code];
  return smnError(code, MESSAGES[code], status);
}

/** A topic as ListTopics (`ListTopicsItem`) and ListTopicDetails give it. */
export function topicWire(t: SmnTopic) {
  return {
    topic_urn: t.urn,
    name: t.name,
    display_name: t.displayName,
    push_policy: t.pushPolicy,
    enterprise_project_id: t.enterpriseProjectId,
    topic_id: t.topicId,
    create_time: isoSeconds(t.createdAt),
    update_time: isoSeconds(t.updatedAt),
  };
}
