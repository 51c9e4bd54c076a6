import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver } from "../../e2e/webhook-receiver";
import {
  buildWebhookRequest,
  deliverWebhook,
  readWebhookAnswer,
  signBody,
  verifySignature,
  webhookUrlProblem,
  type OutgoingEvent,
  type WebhookTarget,
} from "./webhook";

// 2026-12-07T13:14:56.012Z: a millisecond part, so that seconds and milliseconds cannot be confused.
const NOW = 1_796_637_296_012;
const NOW_SEC = 1_796_637_296;

const event: OutgoingEvent = {
  id: "evt_01",
  type: "lease.ended",
  occurredAt: Date.UTC(2026, 11, 7, 13, 0, 0),
  account: { id: "acc-1", name: "Acme" },
  project: { id: "proj-1", name: "web-prod", region: "cn-north-4" },
  title: "Lease ended",
  text: "The lease of ubuntu-golden to Umbrella ended; the share was removed.",
  link: "https://console.example.com/history?id=evt_01",
  data: { imageId: "img-1", members: 2 },
};

const generic: WebhookTarget = { url: "https://hooks.example.com/in", secret: "whsec_test", preset: "generic" };
const parsed = (body: string) => JSON.parse(body) as Record<string, unknown>;

describe("signing", () => {
  const body = JSON.stringify({ a: 1 });
  const headers = (ts: number, sig = `v1=${signBody("whsec_test", ts, body)}`) => ({
    "imshare-timestamp": String(ts),
    "imshare-signature": sig,
  });

  it("signs `${timestamp}.${body}` as hex HMAC-SHA256 (the value Python's hmac gives)", () => {
    expect(signBody("whsec_test", NOW_SEC, body)).toBe(
      "9981652d7fe01d40c2dc77486dfea22f4a35997a4ca7a87d23f2d2b8cbe187c8",
    );
  });

  it("accepts its own signature, from a record or from Headers, whatever the header names' case", () => {
    expect(verifySignature("whsec_test", headers(NOW_SEC), body, { now: NOW })).toBe(true);
    expect(verifySignature("whsec_test", new Headers(headers(NOW_SEC)), body, { now: NOW })).toBe(true);
    const upper = { "Imshare-Timestamp": String(NOW_SEC), "Imshare-Signature": headers(NOW_SEC)["imshare-signature"] };
    expect(verifySignature("whsec_test", upper, body, { now: NOW })).toBe(true);
  });

  it("refuses a tampered body, a wrong secret, an empty secret and a missing or malformed signature", () => {
    expect(verifySignature("whsec_test", headers(NOW_SEC), JSON.stringify({ a: 2 }), { now: NOW })).toBe(false);
    expect(verifySignature("whsec_other", headers(NOW_SEC), body, { now: NOW })).toBe(false);
    expect(verifySignature("", headers(NOW_SEC), body, { now: NOW })).toBe(false);
    expect(verifySignature("whsec_test", { "imshare-timestamp": String(NOW_SEC) }, body, { now: NOW })).toBe(false);
    expect(verifySignature("whsec_test", headers(NOW_SEC, "v1=abc"), body, { now: NOW })).toBe(false);
    expect(
      verifySignature("whsec_test", headers(NOW_SEC, signBody("whsec_test", NOW_SEC, body)), body, { now: NOW }),
    ).toBe(false);
  });

  it("refuses a timestamp that was signed with the body but moved, and stale or future timestamps", () => {
    const moved = { ...headers(NOW_SEC), "imshare-timestamp": String(NOW_SEC + 1) };
    expect(verifySignature("whsec_test", moved, body, { now: NOW })).toBe(false);
    expect(verifySignature("whsec_test", headers(NOW_SEC - 300), body, { now: NOW })).toBe(true);
    expect(verifySignature("whsec_test", headers(NOW_SEC - 301), body, { now: NOW })).toBe(false);
    expect(verifySignature("whsec_test", headers(NOW_SEC + 301), body, { now: NOW })).toBe(false);
    expect(verifySignature("whsec_test", headers(NOW_SEC - 3600), body, { now: NOW, toleranceSec: 3600 })).toBe(true);
  });

  it("accepts any of several v1 signatures, so a secret can be rotated", () => {
    const both = `v1=${signBody("whsec_old", NOW_SEC, body)}, v1=${signBody("whsec_test", NOW_SEC, body)}`;
    expect(verifySignature("whsec_test", headers(NOW_SEC, both), body, { now: NOW })).toBe(true);
    expect(verifySignature("whsec_old", headers(NOW_SEC, both), body, { now: NOW })).toBe(true);
  });
});

describe("building requests", () => {
  it("writes the generic body and headers, signed at send time with the same idempotency key", () => {
    const r = buildWebhookRequest(generic, event, NOW);
    expect(r.url).toBe(generic.url);
    expect(parsed(r.body)).toEqual({
      id: "evt_01",
      type: "lease.ended",
      occurred_at: "2026-12-07T13:00:00.000Z",
      account: event.account,
      project: event.project,
      title: event.title,
      text: event.text,
      link: event.link,
      data: event.data,
    });
    expect(r.headers).toEqual({
      "content-type": "application/json",
      "user-agent": "Imshare-Webhooks/1",
      "imshare-event-id": "evt_01",
      "imshare-event-type": "lease.ended",
      "imshare-timestamp": String(NOW_SEC),
      "imshare-signature": `v1=${signBody("whsec_test", NOW_SEC, r.body)}`,
      "idempotency-key": "evt_01",
    });
    expect(verifySignature("whsec_test", r.headers, r.body, { now: NOW })).toBe(true);

    const retry = buildWebhookRequest(generic, event, NOW + 60_000);
    expect(retry.headers["imshare-timestamp"]).toBe(String(NOW_SEC + 60));
    expect(retry.headers["imshare-signature"]).not.toBe(r.headers["imshare-signature"]);
    expect(retry.headers["idempotency-key"]).toBe("evt_01");
    expect(retry.body).toBe(r.body);
  });

  it("writes null for a missing project and link, and signs nothing without a secret", () => {
    const bare = buildWebhookRequest(
      { ...generic, secret: "" },
      { ...event, project: undefined, link: undefined },
      NOW,
    );
    expect(parsed(bare.body)).toMatchObject({ project: null, link: null });
    expect(bare.headers["imshare-signature"]).toBeUndefined();
    expect(bare.headers["idempotency-key"]).toBe("evt_01");
  });

  it("signs a DingTalk URL with timestamp (ms) and the URL-encoded sign Python computes", () => {
    const target: WebhookTarget = {
      url: "https://oapi.dingtalk.com/robot/send?access_token=abc123",
      secret: "SECd1ngta1k",
      preset: "dingtalk",
    };
    const r = buildWebhookRequest(target, event, NOW);
    expect(r.url).toBe(
      "https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1796637296012" +
        "&sign=KpRyzxTPftsdo%2BGkXEwxXaak4bk5GMmpT%2FmDgCQCGYk%3D",
    );
    const body = parsed(r.body) as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.title).toBe("Lease ended");
    expect(body.markdown.text).toBe(
      "### Lease ended\n\nThe lease of ubuntu-golden to Umbrella ended; the share was removed.\n\n" +
        "> Acme · web-prod (cn-north-4)\n\n[https://console.example.com/history?id=evt_01](https://console.example.com/history?id=evt_01)",
    );
    expect(r.headers["imshare-event-id"]).toBe("evt_01");
    expect(buildWebhookRequest({ ...target, secret: "" }, event, NOW).url).toBe(target.url);
  });

  it("sends WeCom markdown content to the URL as given, ignoring the secret", () => {
    const target: WebhookTarget = {
      url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1",
      secret: "ignored",
      preset: "wecom",
    };
    const r = buildWebhookRequest(target, event, NOW);
    expect(r.url).toBe(target.url);
    const body = parsed(r.body) as { msgtype: string; markdown: { content: string } };
    expect(Object.keys(body)).toEqual(["msgtype", "markdown"]);
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.content).toContain("### Lease ended\n\nThe lease of ubuntu-golden");
    expect(body.markdown.content).toContain(`[${event.link}](${event.link})`);
    expect(r.headers["imshare-signature"]).toBeUndefined();
    expect(r.headers["idempotency-key"]).toBe("evt_01");
  });

  it("puts Feishu's timestamp (s, a string) and the sign Python computes into the text message's body", () => {
    const target: WebhookTarget = {
      url: "https://open.feishu.cn/open-apis/bot/v2/hook/h-1",
      secret: "feishu-secret",
      preset: "feishu",
    };
    const r = buildWebhookRequest(target, event, NOW);
    expect(r.url).toBe(target.url);
    expect(parsed(r.body)).toEqual({
      timestamp: "1796637296",
      sign: "tAknwnBGStE3rTcnPH9OMV+7/VVXgayGbkxzNLuhoCI=",
      msg_type: "text",
      content: {
        text:
          "Lease ended\nThe lease of ubuntu-golden to Umbrella ended; the share was removed.\n" +
          "Acme · web-prod (cn-north-4)\nhttps://console.example.com/history?id=evt_01",
      },
    });
    const unsigned = parsed(buildWebhookRequest({ ...target, secret: "" }, event, NOW).body);
    expect(Object.keys(unsigned)).toEqual(["msg_type", "content"]);
  });

  it("breaks mentions and disguised links in names a robot would act on, and nothing else", () => {
    const hostile = {
      ...event,
      project: undefined,
      title: 'Shared <at user_id="all">x</at>',
      text: 'Image [click](https://evil.example) & <@all> "quoted" *stars*',
    };
    const feishu = parsed(buildWebhookRequest({ ...generic, preset: "feishu", secret: "" }, hostile, NOW).body) as {
      content: { text: string };
    };
    expect(feishu.content.text).not.toContain("<at");
    expect(feishu.content.text).toContain('Shared ＜at user_id="all">x＜/at>');
    const wecom = parsed(buildWebhookRequest({ ...generic, preset: "wecom" }, hostile, NOW).body) as {
      markdown: { content: string };
    };
    expect(wecom.markdown.content).toContain('Image [click] (https://evil.example) & ＜@all> "quoted" *stars*');
    expect(wecom.markdown.content).toContain("> Acme\n\n");
    // The generic body is data, not a message: it keeps every character.
    expect(parsed(buildWebhookRequest(generic, hostile, NOW).body).text).toBe(hostile.text);
  });
});

describe("reading answers", () => {
  it("reads any 2xx as delivered for the generic preset and any other status as a failure", () => {
    expect(readWebhookAnswer("generic", 204, "")).toEqual({ ok: true });
    expect(readWebhookAnswer("generic", 200, '{"errcode":1}')).toEqual({ ok: true });
    expect(readWebhookAnswer("generic", 500, "x".repeat(300))).toEqual({
      ok: false,
      error: `HTTP 500: ${"x".repeat(200)}`,
    });
    expect(readWebhookAnswer("generic", 404, "")).toEqual({ ok: false, error: "HTTP 404" });
  });

  it("reads DingTalk's and WeCom's errcode, and their errmsg as the error", () => {
    for (const preset of ["dingtalk", "wecom"] as const) {
      expect(readWebhookAnswer(preset, 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
      expect(readWebhookAnswer(preset, 200, '{"errcode":310000,"errmsg":"keywords not in content"}')).toEqual({
        ok: false,
        error: "keywords not in content",
      });
      expect(readWebhookAnswer(preset, 200, '{"errcode":"93000"}')).toEqual({ ok: false, error: "errcode 93000" });
      expect(readWebhookAnswer(preset, 502, "Bad Gateway")).toEqual({ ok: false, error: "HTTP 502: Bad Gateway" });
      expect(readWebhookAnswer(preset, 200, '{"ok":true}')).toEqual({ ok: true });
    }
  });

  it("reads Feishu's code and its older StatusCode", () => {
    const success = '{"code":0,"msg":"success","data":{},"StatusCode":0,"StatusMessage":"success"}';
    expect(readWebhookAnswer("feishu", 200, success)).toEqual({ ok: true });
    expect(readWebhookAnswer("feishu", 200, '{"code":19021,"msg":"sign match fail","data":{}}')).toEqual({
      ok: false,
      error: "sign match fail",
    });
    expect(readWebhookAnswer("feishu", 200, '{"StatusCode":9499,"StatusMessage":"Bad Request"}')).toEqual({
      ok: false,
      error: "Bad Request",
    });
    expect(readWebhookAnswer("feishu", 400, '{"code":9499,"msg":"Bad Request"}')).toEqual({
      ok: false,
      error: 'HTTP 400: {"code":9499,"msg":"Bad Request"}',
    });
  });
});

describe("webhook URLs", () => {
  it("names what is wrong with a URL", () => {
    const strict = { allowHttp: false };
    expect(webhookUrlProblem("https://hooks.example.com/in?x=1", strict)).toBeNull();
    expect(webhookUrlProblem("hooks.example.com/in", strict)).toBe("not_url");
    expect(webhookUrlProblem(" https://hooks.example.com/in", strict)).toBe("not_url");
    expect(webhookUrlProblem("", strict)).toBe("not_url");
    expect(webhookUrlProblem("http://hooks.example.com/in", strict)).toBe("not_https");
    expect(webhookUrlProblem("http://127.0.0.1:4720/in", { allowHttp: true })).toBeNull();
    expect(webhookUrlProblem("ftp://hooks.example.com/in", { allowHttp: true })).toBe("not_https");
    expect(webhookUrlProblem("javascript:alert(1)", { allowHttp: true })).toBe("not_https");
    expect(webhookUrlProblem("https://user:pw@hooks.example.com/in", strict)).toBe("credentials");
    expect(webhookUrlProblem("https://user@hooks.example.com/in", strict)).toBe("credentials");
    const base = "https://hooks.example.com/";
    expect(webhookUrlProblem(base + "a".repeat(2000 - base.length), strict)).toBeNull();
    expect(webhookUrlProblem(base + "a".repeat(2001 - base.length), strict)).toBe("too_long");
  });
});

describe("delivering", () => {
  let server: Server;
  let base: string;
  const seen: { path: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const path = new URL(req.url ?? "/", "http://x").pathname;
        seen.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        if (path.startsWith("/ok")) return res.writeHead(204).end();
        if (path === "/fail") return res.writeHead(500).end("database is down\n");
        if (path === "/robot-refuses")
          return res.writeHead(200).end('{"errcode":310000,"errmsg":"keywords not in content"}');
        if (path === "/moved") return res.writeHead(302, { location: `${base}/ok-elsewhere` }).end();
        if (path === "/slow") return; // never answers: the client's timeout ends it
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const to = (path: string, preset: WebhookTarget["preset"] = "generic"): WebhookTarget => ({
    url: `${base}${path}`,
    secret: "whsec_test",
    preset,
  });

  it("posts the built request and reads a 2xx as delivered", async () => {
    const r = await deliverWebhook(to("/ok"), event, { now: () => NOW });
    expect(r).toMatchObject({ ok: true, status: 204 });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    const got = seen.at(-1)!;
    expect(got.headers["imshare-timestamp"]).toBe(String(NOW_SEC));
    expect(got.headers["idempotency-key"]).toBe("evt_01");
    expect(verifySignature("whsec_test", got.headers as Record<string, string>, got.body, { now: NOW })).toBe(true);
  });

  it("reports a 500 with the start of its body", async () => {
    expect(await deliverWebhook(to("/fail"), event)).toMatchObject({
      ok: false,
      status: 500,
      error: "HTTP 500: database is down",
    });
  });

  it("reads no more than 4 KB of an answer, however long it goes on", async () => {
    let pulled = 0;
    // Like a socket, the stream yields to the event loop between chunks and stops when the request is aborted.
    const fetchEndless = (async (_url, init) =>
      new Response(
        new ReadableStream<Uint8Array>({
          async pull(controller) {
            await new Promise((resolve) => setImmediate(resolve));
            if (init?.signal?.aborted) return controller.error(init.signal.reason);
            pulled += 1024;
            controller.enqueue(new TextEncoder().encode("y".repeat(1024)));
          },
        }),
        { status: 500 },
      )) as typeof fetch;
    const r = await deliverWebhook(to("/unused"), event, { fetch: fetchEndless, timeoutMs: 2000 });
    expect(r).toMatchObject({ ok: false, status: 500, error: `HTTP 500: ${"y".repeat(200)}` });
    expect(pulled).toBeLessThanOrEqual(8 * 1024);
  });

  it("reports a robot's refusal inside an HTTP 200", async () => {
    expect(await deliverWebhook(to("/robot-refuses", "dingtalk"), event)).toMatchObject({
      ok: false,
      status: 200,
      error: "keywords not in content",
    });
  });

  it("does not follow a redirect", async () => {
    const before = seen.length;
    expect(await deliverWebhook(to("/moved"), event)).toMatchObject({ ok: false, status: 302, error: "redirected" });
    expect(seen.slice(before).map((s) => s.path)).toEqual(["/moved"]);
  });

  it("gives up after timeoutMs", async () => {
    const r = await deliverWebhook(to("/slow"), event, { timeoutMs: 200 });
    expect(r).toMatchObject({ ok: false, error: "timed out after 0.2 s" });
    expect(r.durationMs).toBeGreaterThanOrEqual(150);
  });

  it("names a refused connection, and never throws", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const target = { ...generic, url: `http://127.0.0.1:${port}/in` };
    expect(await deliverWebhook(target, event)).toMatchObject({ ok: false, error: "connection refused" });
    expect(await deliverWebhook({ ...generic, url: "not a url", preset: "dingtalk" }, event)).toMatchObject({
      ok: false,
      error: "invalid URL",
    });
    const broken = (() => Promise.reject(new Error("boom"))) as typeof fetch;
    expect(await deliverWebhook(generic, event, { fetch: broken })).toMatchObject({
      ok: false,
      error: "network error",
    });
  });
});

describe("the test receiver", () => {
  it("fails the next n requests, then takes them, checking each signature", async () => {
    const receiver = await startWebhookReceiver({ secret: "whsec_test" });
    try {
      const target = { ...generic, url: receiver.url };
      receiver.failNext(2);
      receiver.failNext(1, 503);
      const waiting = receiver.waitFor((r) => r.length === 4);
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await deliverWebhook(target, event));
      await waiting;
      expect(results.map((r) => r.status)).toEqual([500, 500, 503, 200]);
      expect(results.map((r) => r.ok)).toEqual([false, false, false, true]);
      expect(receiver.requests.map((r) => r.answered)).toEqual([500, 500, 503, 200]);
      expect(receiver.requests.every((r) => r.signatureValid === true)).toBe(true);
      expect(new Set(receiver.requests.map((r) => r.headers["idempotency-key"]))).toEqual(new Set(["evt_01"]));
      expect(receiver.requests[3].json).toMatchObject({ id: "evt_01", type: "lease.ended" });
    } finally {
      await receiver.close();
    }
  });

  it("says a signature is invalid under another secret, and null without one", async () => {
    const strict = await startWebhookReceiver({ secret: "whsec_other" });
    const open = await startWebhookReceiver({});
    try {
      await deliverWebhook({ ...generic, url: strict.url }, event);
      await deliverWebhook({ ...generic, url: open.url }, event);
      await Promise.all([strict.waitFor((r) => r.length === 1), open.waitFor((r) => r.length === 1)]);
      expect(strict.requests[0].signatureValid).toBe(false);
      expect(open.requests[0].signatureValid).toBeNull();
    } finally {
      await Promise.all([strict.close(), open.close()]);
    }
  });

  it("rejects a wait that is not met in time, and one still pending at close", async () => {
    const receiver = await startWebhookReceiver({});
    await expect(receiver.waitFor((r) => r.length > 0, 50)).rejects.toThrow(/within 50 ms \(0 requests\)/);
    const pending = receiver.waitFor((r) => r.length > 0);
    await receiver.close();
    await expect(pending).rejects.toThrow("webhook receiver closed");
  });
});
