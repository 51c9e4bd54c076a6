import { z } from "zod";
import { fieldKey } from "@/lib/i18n/fields";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";
import { notificationSettingsSchema } from "./settings";
import { webhookUrlProblem } from "./webhook";

/** A checkbox. */
const flag = z.preprocess((v) => v === true || v === "on" || v === "1" || v === "true", z.boolean());

/**
 * The Settings page's notification form as the action gets it (FormData): a checkbox per event
 * (`event.lease.ended`), the two lead times, the language, and the topic's URN (empty for none; the
 * action checks it is one of the project's topics).
 */
export const notificationFormSchema = z
  .object({
    ...Object.fromEntries(NOTIFICATION_KINDS.map((k) => [`event.${k}`, flag])),
    leaseWarnDays: notificationSettingsSchema.shape.leaseWarnDays,
    incomingWaitHours: notificationSettingsSchema.shape.incomingWaitHours,
    language: notificationSettingsSchema.shape.language,
    smnTopic: z.union([z.literal(""), notificationSettingsSchema.shape.smn.unwrap().shape.topicUrn]).default(""),
  })
  .transform((v) => {
    const form = v as typeof v & Record<`event.${NotificationKind}`, boolean>;
    return {
      events: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, form[`event.${k}`]])) as Record<
        NotificationKind,
        boolean
      >,
      leaseWarnDays: v.leaseWarnDays,
      incomingWaitHours: v.incomingWaitHours,
      language: v.language,
      smnTopic: v.smnTopic,
    };
  });

const PRESETS = ["generic", "dingtalk", "wecom", "feishu"] as const;

/**
 * Hosts a webhook may never name: the cloud's metadata service and other link-local addresses, and
 * unless the console runs in a test setup (`allowPrivate`), loopback and private networks. A name that
 * resolves to such an address is not caught here (the receiver's DNS is not ours to ask at save time).
 */
export function webhookHostProblem(url: string, allowPrivate: boolean): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (/^169\.254\./.test(host) || host === "0.0.0.0" || /^fe80:/i.test(host) || host === "metadata.google.internal")
    return true;
  if (allowPrivate) return false;
  return (
    host === "localhost" ||
    host === "::1" ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    /^f[cd][0-9a-f]{2}:/i.test(host)
  );
}

/** A new webhook: its name, URL (https, unless allowed), format, and signing secret (made when left empty). */
export const webhookFormSchema = (allowHttp: boolean) =>
  z
    .object({
      name: z.string().trim().min(1, fieldKey("webhookName")).max(64, fieldKey("webhookName")),
      url: z.string().trim().min(1, fieldKey("webhookUrl")),
      preset: z.enum(PRESETS),
      secret: z.string().trim().max(200, fieldKey("webhookSecret")).default(""),
    })
    .superRefine((v, ctx) => {
      const problem = webhookUrlProblem(v.url, { allowHttp });
      if (problem) ctx.addIssue({ code: "custom", path: ["url"], message: fieldKey(`webhookUrl_${problem}`) });
      else if (webhookHostProblem(v.url, allowHttp))
        ctx.addIssue({ code: "custom", path: ["url"], message: fieldKey("webhookUrlPrivate") });
    });

export const webhookIdSchema = z.object({ id: z.uuid({ error: fieldKey("notAWebhook") }) });
