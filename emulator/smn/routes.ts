import type { Hono } from "hono";
import { authenticate, can, intParam, readBody, type Ctx, type Emu, type EmuEnv, type Session } from "../core/context";
import { hex32 } from "../core/ids";
import type { SmnTopic } from "../store/smn";
import type { Permission } from "../store/types";
import { publishContent } from "./publish";
import { smnRefusal, TOPIC_URN, topicWire } from "./wire";

/** ListTopics: `limit` 1 to 100, 100 when absent; `offset` from 0. */
const MAX_LIMIT = 100;

/**
 * SMN (regional, project in the path), the calls a console that notifies needs: ListTopics,
 * ListTopicDetails and PublishMessage, from the models of `huaweicloud-sdk-nodejs-v3`
 * `services/smn/v2/` and SMN's API reference.
 */
export function registerSmn(app: Hono<EmuEnv>, emu: Emu): void {
  app.get("/v2/:project_id/notifications/topics", (c) => {
    const session = caller(c, emu, "smn:topic:list");
    const offset = intParam(c, "offset", 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(c, "limit", 1, MAX_LIMIT);
    if (offset === null || limit === null) throw smnRefusal(emu, "SMN.0015");
    const matching = topicsOf(emu, session.project.id).filter(filterOf(c));
    const start = offset ?? 0;
    return c.json({
      request_id: c.get("requestId"),
      // [INFERRED] The count of topics the filters match, whatever the page.
      topic_count: matching.length,
      topics: matching.slice(start, start + (limit ?? MAX_LIMIT)).map(topicWire),
    });
  });

  app.get("/v2/:project_id/notifications/topics/:topic_urn", (c) => {
    const topic = topicOf(c, emu, caller(c, emu, "smn:topic:list"));
    return c.json({ request_id: c.get("requestId"), ...topicWire(topic) });
  });

  app.post("/v2/:project_id/notifications/topics/:topic_urn/publish", async (c) => {
    const session = caller(c, emu, "smn:topic:publish");
    const topic = topicOf(c, emu, session);
    const content = publishContent(emu, await readBody(c, emu));
    const messageId = hex32();
    emu.world.smnMessages.push({
      message_id: messageId,
      topic_urn: topic.urn,
      project_id: session.project.id,
      user_id: session.user.id,
      ...content,
      published_at: emu.clock.now(),
    });
    emu.changed();
    return c.json({ request_id: c.get("requestId"), message_id: messageId });
  });
}

/**
 * The gateway's check, then SMN's own: the path project must be the token's and the user must hold
 * `permission`; both refusals are 403 `SMN.0001` [INFERRED for the project, which SMN's table does not name].
 */
function caller(c: Ctx, emu: Emu, permission: Permission): Session {
  const session = authenticate(c, emu);
  if (c.req.param("project_id") !== session.project.id || !can(session, permission)) {
    throw smnRefusal(emu, "SMN.0001");
  }
  return session;
}

/** A topic of the caller's project; another project's (even the same account's) is not found. */
function topicOf(c: Ctx, emu: Emu, session: Session): SmnTopic {
  const urn = c.req.param("topic_urn") ?? "";
  if (!TOPIC_URN.test(urn)) throw smnRefusal(emu, "SMN.0005");
  const topic = emu.world.smnTopics.get(urn);
  if (!topic || topic.projectId !== session.project.id) throw smnRefusal(emu, "SMN.0006");
  return topic;
}

/** Newest first, as ListTopics documents. */
function topicsOf(emu: Emu, projectId: string): SmnTopic[] {
  return [...emu.world.smnTopics.values()]
    .filter((t) => t.projectId === projectId)
    .sort((a, b) => b.createdAt - a.createdAt || a.name.localeCompare(b.name));
}

/** `name` and `topic_id` match whole, `fuzzy_name` and `fuzzy_display_name` any part; `enterprise_project_id` whole. */
function filterOf(c: Ctx): (t: SmnTopic) => boolean {
  const q = (name: string) => c.req.query(name) || undefined;
  const [name, fuzzyName, topicId, fuzzyDisplay, eps] = [
    q("name"),
    q("fuzzy_name"),
    q("topic_id"),
    q("fuzzy_display_name"),
    q("enterprise_project_id"),
  ];
  return (t) =>
    (name === undefined || t.name === name) &&
    (fuzzyName === undefined || t.name.includes(fuzzyName)) &&
    (topicId === undefined || t.topicId === topicId) &&
    (fuzzyDisplay === undefined || t.displayName.includes(fuzzyDisplay)) &&
    (eps === undefined || t.enterpriseProjectId === eps);
}
