import { dingtalkSign, feishuSign, HEADER, signatureHeader } from "./signature";
import type { OutgoingEvent, WebhookAnswer, WebhookPreset, WebhookRequest, WebhookTarget } from "./types";

/*
 * Where each robot's format comes from: third-party pages (read December 2026) that quote or follow the
 * vendors' own documentation, named first; the vendors' pages themselves could not be read from here.
 *
 * DingTalk custom robot (open.dingtalk.com/document/orgapp/custom-robot-access, quoted by
 * apifox.com/apidoc/docs-site/467052/doc-3550006 and cnblogs.com/huawublog/p/12186923.html):
 *   body {"msgtype":"markdown","markdown":{"title","text"}} (rubydoc.info/gems/dingbot Markdown);
 *   加签: sign = urlEncode(base64(HmacSHA256(key = secret, msg = timestamp + "\n" + secret))), timestamp in ms,
 *   both appended to the URL as `&timestamp=…&sign=…`; the timestamp may be at most an hour off.
 *   Answer {"errcode":0,"errmsg":"ok"}, errcode != 0 on refusal (glama.ai mcp-dingding-bot's
 *   MessageResponse). The keyword security setting ("自定义关键词") is the admin's to match in the title.
 * WeCom group robot (developer.work.weixin.qq.com/document/path/91770, quoted by
 *   docs.zhuonian.xyz/api/wecom-webhook.html and aecore.glodon.com's qywx page): POST to
 *   qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…, body {"msgtype":"markdown","markdown":{"content"}},
 *   content at most 4096 bytes; no signing, the key in the URL is the credential. The answer's
 *   {"errcode","errmsg"} is WeCom's usual convention: unconfirmed for the robot by any page found here.
 * Feishu/Lark custom bot (open.feishu.cn/document/ukTMukTMukTM/ucTM5YjL3ETO24yNxkjN, quoted by
 *   aitechtogether.com/it/354984.html and go-gitea/gitea#34788): body {"msg_type":"text","content":{"text"}};
 *   签名校验: the body also carries "timestamp" (seconds) and "sign" = base64(HmacSHA256(key = timestamp +
 *   "\n" + secret, msg = "")) (electricbubble/feishu-bot-api genSign; m.down10s.com's Python sample).
 *   Answer {"code":0,"msg":"success",…,"StatusCode":0,"StatusMessage":"success"}; a refusal
 *   {"code":9499,"msg":"Bad Request"} or {"code":19021,"msg":"sign match fail …"}. That the signed
 *   body's timestamp is a string is what the Python sample implies (str(...)); unconfirmed beyond that.
 */

/** Robots render at most this much of an error message back to an admin. */
const ERROR_CHARS = 200;

/**
 * Names inside a notification (an image, a project, an account) are chosen by people, some in other
 * accounts. Robots would read `<at user_id="all">` (Feishu), `<@userid>` (WeCom) or `[text](url)` in them
 * as a mention of everyone or a disguised link, so those two openers are broken; nothing else is escaped,
 * because robots show backslashes and entities literally.
 */
function defang(s: string): string {
  return s.replaceAll("<", "＜").replaceAll("](", "] (");
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();

/** "Acme · web-prod (cn-north-4)": which account and project a notification is about. */
function contextLine(event: OutgoingEvent): string {
  const project = event.project ? ` · ${event.project.name} (${event.project.region})` : "";
  return defang(oneLine(`${event.account.name}${project}`));
}

/**
 * The message as markdown, for DingTalk and WeCom alike (both read headings, quotes and links). The link
 * is its own label so that no word needs translating here; paragraphs are blank-line separated because
 * DingTalk joins single newlines.
 */
function markdownOf(event: OutgoingEvent): string {
  const parts = [`### ${defang(oneLine(event.title))}`, defang(event.text), `> ${contextLine(event)}`];
  if (event.link) parts.push(`[${event.link}](${event.link})`);
  return parts.join("\n\n");
}

/** The message as plain text, for Feishu, which turns a bare URL into a link by itself. */
function plainTextOf(event: OutgoingEvent): string {
  const parts = [defang(oneLine(event.title)), defang(event.text), contextLine(event)];
  if (event.link) parts.push(event.link);
  return parts.join("\n");
}

/** Imshare's own body: snake_case, absent fields as null, so receivers read one shape. */
function genericBody(event: OutgoingEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurred_at: new Date(event.occurredAt).toISOString(),
    account: event.account,
    project: event.project ?? null,
    title: event.title,
    text: event.text,
    link: event.link ?? null,
    data: event.data,
  });
}

/** Appends query parameters as they are, so the rest of a pasted robot URL is sent byte for byte. */
function withQuery(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  const added = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join("&");
  u.search = u.search ? `${u.search}&${added}` : `?${added}`;
  return u.toString();
}

function urlAndBody(target: WebhookTarget, event: OutgoingEvent, now: number): { url: string; body: string } {
  switch (target.preset) {
    case "dingtalk": {
      const markdown = { title: oneLine(event.title), text: markdownOf(event) };
      const body = JSON.stringify({ msgtype: "markdown", markdown });
      if (!target.secret) return { url: target.url, body };
      const url = withQuery(target.url, { timestamp: String(now), sign: dingtalkSign(target.secret, now) });
      return { url, body };
    }
    case "wecom":
      return {
        url: target.url,
        body: JSON.stringify({ msgtype: "markdown", markdown: { content: markdownOf(event) } }),
      };
    case "feishu": {
      const message = { msg_type: "text", content: { text: plainTextOf(event) } };
      if (!target.secret) return { url: target.url, body: JSON.stringify(message) };
      const timestamp = Math.floor(now / 1000);
      const signed = { timestamp: String(timestamp), sign: feishuSign(target.secret, timestamp), ...message };
      return { url: target.url, body: JSON.stringify(signed) };
    }
    case "generic":
      return { url: target.url, body: genericBody(event) };
  }
}

/**
 * The request that delivers `event` to `target` at `now` (ms). Signatures are made at send time, so
 * every retry is signed afresh while the id, and so the idempotency key, stays. Every preset carries the
 * imshare-* headers so that a receiver (or a relay in front of a robot) can deduplicate; the signature
 * header is left out when there is no secret to sign with, since a signature keyed with nothing proves
 * nothing. Throws only on a URL that does not parse for DingTalk signing (`webhookUrlProblem` first).
 */
export function buildWebhookRequest(target: WebhookTarget, event: OutgoingEvent, now: number): WebhookRequest {
  const { url, body } = urlAndBody(target, event, now);
  const timestamp = Math.floor(now / 1000);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Imshare-Webhooks/1",
    [HEADER.eventId]: event.id,
    [HEADER.eventType]: event.type,
    [HEADER.timestamp]: String(timestamp),
    [HEADER.idempotencyKey]: event.id,
  };
  if (target.secret && target.preset !== "wecom")
    headers[HEADER.signature] = signatureHeader(target.secret, timestamp, body);
  return { url, headers, body };
}

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A robot's code field that says it refused: present and not zero (some answer "0" as a string). */
const refused = (code: unknown) => code !== undefined && code !== null && Number(code) !== 0;

function robotRefusal(code: unknown, message: unknown, name: string): string {
  const said = typeof message === "string" && message.trim() ? message.trim() : `${name} ${String(code)}`;
  return said.slice(0, ERROR_CHARS);
}

/**
 * Whether a receiver took the notification. Robots answer HTTP 200 even when they refuse (a wrong
 * signature, a missing keyword, a rate limit), with the verdict in the body, so the body decides for them.
 * A 2xx robot answer without its code field counts as delivered: a relay in front of the robot, or a test
 * receiver, may answer that way, and nothing in it says otherwise.
 */
export function readWebhookAnswer(preset: WebhookPreset, status: number, body: string): WebhookAnswer {
  if (status < 200 || status > 299) {
    const excerpt = body.trim().slice(0, ERROR_CHARS);
    return { ok: false, error: excerpt ? `HTTP ${status}: ${excerpt}` : `HTTP ${status}` };
  }
  if (preset === "generic") return { ok: true };
  const answer = parseJson(body);
  if (!answer) return { ok: true };
  if (preset === "feishu") {
    if (refused(answer.code)) return { ok: false, error: robotRefusal(answer.code, answer.msg, "code") };
    if (refused(answer.StatusCode))
      return { ok: false, error: robotRefusal(answer.StatusCode, answer.StatusMessage ?? answer.msg, "StatusCode") };
    return { ok: true };
  }
  if (refused(answer.errcode)) return { ok: false, error: robotRefusal(answer.errcode, answer.errmsg, "errcode") };
  return { ok: true };
}
