import "server-only";
import type { Scope } from "./ims";
import { cloudRequest } from "./request";
import { publishMessageSchema, publishResultSchema, topicListSchema } from "./schemas/smn";

/**
 * SMN's longest subject: 512 bytes in the current API reference; an older edition says 512 characters,
 * and bytes are the stricter reading, so the console keeps to them.
 */
export const SMN_SUBJECT_MAX_BYTES = 512;
/** ListTopics' largest page. */
const PAGE_LIMIT = 100;
/** 10,000 topics, three times SMN's default quota: a bound for a cloud that never says it is done. */
const MAX_PAGES = 100;

/** A topic as the console offers it to an admin choosing where notifications go. */
export interface SmnTopic {
  urn: string;
  name: string;
  /** The sender's name in emails; empty when the topic has none. */
  displayName: string;
}

export interface ListTopicsOptions {
  /** The whole name. */
  name?: string;
  /** Any part of the name. */
  fuzzyName?: string;
  enterpriseProjectId?: string;
}

export interface PublishedMessage {
  messageId: string;
  /** SMN's `request_id`, or the answer's `X-Request-Id` when the body has none. */
  requestId?: string;
}

const topicsPath = (scope: Scope) => `/v2/${scope.projectId}/notifications/topics`;

/**
 * `GET /v2/{project_id}/notifications/topics`, every page, newest first. Paging is by offset, so a
 * topic created meanwhile pushes one already read onto the next page: it is kept once. A page that
 * brings nothing new ends the walk, as a cloud that ignored `offset` would otherwise never end it.
 */
export async function listTopics(scope: Scope, opts: ListTopicsOptions = {}): Promise<SmnTopic[]> {
  const topics = new Map<string, SmnTopic>();
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await cloudRequest({
      service: "smn",
      region: scope.region,
      token: scope.token,
      method: "GET",
      path: topicsPath(scope),
      query: {
        offset,
        limit: PAGE_LIMIT,
        name: opts.name,
        fuzzy_name: opts.fuzzyName,
        enterprise_project_id: opts.enterpriseProjectId,
      },
      output: topicListSchema,
    });
    const { topics: items, topic_count: total } = res.data;
    const known = topics.size;
    for (const t of items) {
      if (!topics.has(t.topic_urn))
        topics.set(t.topic_urn, { urn: t.topic_urn, name: t.name, displayName: t.display_name ?? "" });
    }
    offset += items.length;
    if (items.length < PAGE_LIMIT || (total !== undefined && offset >= total) || topics.size === known) break;
  }
  return [...topics.values()];
}

/**
 * `POST /v2/{project_id}/notifications/topics/{topic_urn}/publish`, a text message. A subject longer
 * than SMN takes is cut (`fitSubject`) rather than refused: a notification is worth more than its
 * subject's tail. Not retried: SMN would send it twice.
 */
export async function publishMessage(
  scope: Scope,
  topicUrn: string,
  input: { subject?: string; message: string },
): Promise<PublishedMessage> {
  const subject = input.subject?.trim() ? fitSubject(input.subject) : undefined;
  const res = await cloudRequest({
    service: "smn",
    region: scope.region,
    token: scope.token,
    method: "POST",
    path: `${topicsPath(scope)}/${urnSegment(topicUrn)}/publish`,
    input: publishMessageSchema,
    body: { ...(subject ? { subject } : {}), message: input.message },
    output: publishResultSchema,
  });
  return { messageId: res.data.message_id, requestId: res.data.request_id ?? res.requestId };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * The subject within `maxBytes` of UTF-8, cut between characters as a reader sees them (an emoji
 * with its modifiers, a letter with its accents), never inside one; a lone surrogate, which has no
 * UTF-8 form, becomes U+FFFD first.
 */
export function fitSubject(subject: string, maxBytes = SMN_SUBJECT_MAX_BYTES): string {
  const text = subject.replace(LONE_SURROGATE, "\uFFFD");
  if (utf8Bytes(text) <= maxBytes) return text;
  let fitted = "";
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Bytes(segment);
    if (used + size > maxBytes) break;
    fitted += segment;
    used += size;
  }
  return fitted;
}

/** The URN as SMN's SDK puts it in the path: its colons as they are, anything else unsafe escaped. */
function urnSegment(urn: string): string {
  return encodeURIComponent(urn).replace(/%3A/gi, ":");
}
