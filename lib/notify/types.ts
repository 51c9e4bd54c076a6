/**
 * The webhook channel's vocabulary, in a file of its own so that `presets.ts` and `webhook.ts` both read it
 * without importing each other.
 */

/** How a target wants its notifications written: Imshare's own JSON, or a Chinese group robot's message. */
export type WebhookPreset = "generic" | "dingtalk" | "wecom" | "feishu";

/**
 * Where one account's notifications go. `secret` signs the generic preset's body and the robots' own
 * signing ("加签" for DingTalk, 签名校验 for Feishu); an empty secret signs nothing; WeCom ignores it.
 */
export interface WebhookTarget {
  url: string;
  secret: string;
  preset: WebhookPreset;
}

/** One notification as the console sends it; id is the idempotency key, the same on every retry. */
export interface OutgoingEvent {
  id: string;
  /** "lease.ended", "batch.finished", "test", ... */
  type: string;
  /** Milliseconds since the epoch. */
  occurredAt: number;
  account: { id: string; name: string };
  project?: { id: string; name: string; region: string };
  /** Already in the account's chosen language. */
  title: string;
  /** One or a few sentences, already translated. */
  text: string;
  /** An absolute console URL. */
  link?: string;
  data: Record<string, unknown>;
}

/** The HTTP request one delivery sends: always a POST with a JSON body. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** How a receiver's answer reads: delivered, or a short sentence an admin can act on. */
export type WebhookAnswer = { ok: true } | { ok: false; error: string };
