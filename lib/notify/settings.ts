import { z } from "zod";
import { fieldKey } from "@/lib/i18n/fields";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

/**
 * An account's notification settings: which events are sent, how early a lease's end is announced,
 * how long an incoming share waits before it is, the language of the messages, and the SMN topic
 * (webhooks have their own table). Client-safe.
 */
export const notificationSettingsSchema = z.object({
  events: z.record(z.enum(NOTIFICATION_KINDS), z.boolean()),
  /** `lease.ending` is sent this many days before the end. */
  leaseWarnDays: z.coerce
    .number({ error: fieldKey("leaseWarnDays") })
    .int(fieldKey("leaseWarnDays"))
    .min(1, fieldKey("leaseWarnDays"))
    .max(30, fieldKey("leaseWarnDays")),
  /** `incoming.waiting` is sent for a share that has waited this long for an answer. */
  incomingWaitHours: z.coerce
    .number({ error: fieldKey("incomingWaitHours") })
    .int(fieldKey("incomingWaitHours"))
    .min(0, fieldKey("incomingWaitHours"))
    .max(720, fieldKey("incomingWaitHours")),
  language: z.enum(["en", "zh-CN"]),
  /** The SMN topic messages are published to, with the project and region it lives in; none sends no SMN. */
  smn: z
    .object({
      topicUrn: z.string().regex(/^urn:smn:[a-z0-9-]+:[0-9a-f]{32}:[A-Za-z0-9_-]{1,255}$/, fieldKey("smnTopic")),
      projectId: z.string().regex(/^[0-9a-f]{32}$/),
      region: z.string().min(1).max(64),
    })
    .nullable(),
});

export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** Every event on, nothing to send it to: an account that never saved settings sends nothing. */
export const DEFAULT_SETTINGS: NotificationSettings = {
  events: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as Record<NotificationKind, boolean>,
  leaseWarnDays: 3,
  incomingWaitHours: 24,
  language: "en",
  smn: null,
};

/** The settings from stored JSON, with defaults for what an older console did not write. */
export function parseSettings(json: string | undefined): NotificationSettings {
  if (!json) return DEFAULT_SETTINGS;
  const stored = JSON.parse(json) as Partial<NotificationSettings>;
  const parsed = notificationSettingsSchema.safeParse({
    ...DEFAULT_SETTINGS,
    ...stored,
    events: { ...DEFAULT_SETTINGS.events, ...stored.events },
  });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The region and project of a topic, from its URN (`urn:smn:{region}:{project}:{name}`). */
export function topicPlace(urn: string): { region: string; projectId: string; name: string } | undefined {
  const m = /^urn:smn:([a-z0-9-]+):([0-9a-f]{32}):(.+)$/.exec(urn);
  return m ? { region: m[1], projectId: m[2], name: m[3] } : undefined;
}
