"use server";

import { randomBytes, randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { deriveTokenKey, encryptToken } from "@/lib/auth/crypto";
import { canChange } from "@/lib/auth/session";
import { pokeDeliverer } from "@/lib/boot/notify";
import { listTopics } from "@/lib/cloud/smn";
import { getDb } from "@/lib/db";
import { requeueDelivery } from "@/lib/delivery/outbox";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { fieldKey } from "@/lib/i18n/fields";
import { text } from "@/lib/i18n/text";
import { notificationFormSchema, webhookFormSchema, webhookIdSchema } from "@/lib/notify/form";
import { topicPlace } from "@/lib/notify/settings";
import { enqueue, listWebhooks, saveSettings } from "@/lib/notify/store";

const READ_ONLY = text("errors.said.readOnlyNotifications");
const key = deriveTokenKey(env.AUTH_SECRET);
/** Plain http and private addresses only where the console runs against the emulator or is told to allow them. */
const allowHttp = env.WEBHOOK_ALLOW_HTTP ? ["1", "true"].includes(env.WEBHOOK_ALLOW_HTTP) : env.IMSHARE_EMULATOR;
const refresh = () => revalidatePath("/settings/notifications");

/** Writes the account's notification settings; the SMN topic must be one of this project's. */
export const saveNotificationsAction = defineAction(
  { audit: "notifications_changed", schema: notificationFormSchema, readOnlyMessage: READ_ONLY },
  async (form, ctx) => {
    let smn = null;
    if (form.smnTopic) {
      const topics = await listTopics(ctx.scope);
      const place = topicPlace(form.smnTopic);
      if (!place || !topics.some((t) => t.urn === form.smnTopic))
        throw new UserError("invalid_input", text(fieldKey("smnTopic")), "smnTopic");
      smn = { topicUrn: form.smnTopic, projectId: place.projectId, region: place.region };
    }
    const { smnTopic: _, ...rest } = form;
    const settings = { ...rest, smn };
    const before = await saveSettings(await getDb(), ctx.session.accountId, settings, ctx.session.userName);
    ctx.note({ detail: { before, after: settings } });
    refresh();
    return { saved: true };
  },
);

/** Adds a webhook; the signing secret (made when none was given) is shown this once. */
export const addWebhookAction = defineAction(
  { audit: "webhook_added", schema: webhookFormSchema(allowHttp), readOnlyMessage: READ_ONLY },
  async (input, ctx) => {
    const secret = input.secret || `whsec_${randomBytes(24).toString("base64url")}`;
    const id = randomUUID();
    await (
      await getDb()
    )
      .insertInto("webhooks")
      .values({
        id,
        account_id: ctx.session.accountId,
        name: input.name,
        url: input.url,
        preset: input.preset,
        secret_ciphertext: encryptToken(secret, key),
        enabled: 1,
        created_by: ctx.session.userName,
        created_at: Date.now(),
      })
      .execute();
    ctx.note({ detail: { webhook: id, name: input.name, url: input.url, preset: input.preset } });
    refresh();
    return { id, name: input.name, secret: input.secret ? undefined : secret };
  },
);

/** The account's webhook, or a refusal that says it is not one (another account's is not found either). */
async function ownWebhook(accountId: string, id: string) {
  const hook = (await listWebhooks(await getDb(), accountId)).find((w) => w.id === id);
  if (!hook) throw new UserError("not_found", text(fieldKey("notAWebhook")));
  return hook;
}

/** Turns a webhook on or off. */
export const toggleWebhookAction = defineAction(
  {
    audit: "webhook_changed",
    schema: webhookIdSchema.extend({ enabled: z.enum(["0", "1"]) }),
    readOnlyMessage: READ_ONLY,
  },
  async (input, ctx) => {
    const hook = await ownWebhook(ctx.session.accountId, input.id);
    await (
      await getDb()
    )
      .updateTable("webhooks")
      .set({ enabled: Number(input.enabled) })
      .where("id", "=", hook.id)
      .where("account_id", "=", ctx.session.accountId)
      .execute();
    ctx.note({ detail: { webhook: hook.id, name: hook.name, enabled: input.enabled === "1" } });
    refresh();
    return { enabled: input.enabled === "1" };
  },
);

/** Removes a webhook; deliveries that still wait for it are given up (the log says it was removed). */
export const removeWebhookAction = defineAction(
  { audit: "webhook_removed", schema: webhookIdSchema, readOnlyMessage: READ_ONLY },
  async (input, ctx) => {
    const hook = await ownWebhook(ctx.session.accountId, input.id);
    await (
      await getDb()
    )
      .deleteFrom("webhooks")
      .where("id", "=", hook.id)
      .where("account_id", "=", ctx.session.accountId)
      .execute();
    ctx.note({ detail: { webhook: hook.id, name: hook.name, url: hook.url } });
    refresh();
    return { name: hook.name };
  },
);

/** Sends a test event to one webhook, or to the SMN topic (`id` empty), at once. */
export const sendTestAction = defineAction(
  {
    audit: false,
    schema: z.object({ id: z.union([z.literal(""), z.uuid({ error: fieldKey("notAWebhook") })]).default("") }),
    readOnlyMessage: READ_ONLY,
  },
  async (input, ctx) => {
    if (!canChange(ctx.session)) throw new UserError("forbidden", READ_ONLY);
    const name = input.id ? (await ownWebhook(ctx.session.accountId, input.id)).name : "SMN";
    const db = await getDb();
    const s = ctx.session;
    const queued = await db.transaction().execute((tx) =>
      enqueue(
        tx,
        {
          type: "test",
          accountId: s.accountId,
          accountName: s.accountName,
          project: { id: ctx.scope.projectId, name: s.projectName, region: ctx.scope.region },
          title: text("notify.events.test.title"),
          text: text("notify.events.test.text", { user: s.userName }),
          link: "/settings/notifications",
          data: { by: s.userName },
          occurredAt: Date.now(),
        },
        input.id ? { webhookId: input.id } : { smn: true },
      ),
    );
    if (queued === 0) throw new UserError("invalid_input", text("errors.said.noChannel"));
    pokeDeliverer();
    refresh();
    return { name };
  },
);

/** Sends a given-up delivery again, with the same idempotency key. */
export const sendAgainAction = defineAction(
  { audit: false, schema: z.object({ id: z.uuid({ error: fieldKey("notAWebhook") }) }) },
  async (input, ctx) => {
    if (!canChange(ctx.session)) throw new UserError("forbidden", READ_ONLY);
    if (!(await requeueDelivery(await getDb(), ctx.session.accountId, input.id, Date.now())))
      throw new UserError("not_found", text("errors.said.deliveryNotFailed"));
    pokeDeliverer();
    refresh();
    return { id: input.id };
  },
);
