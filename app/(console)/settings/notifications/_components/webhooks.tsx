"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { DateTime } from "@/components/date-time";
import { useToast } from "@/components/toaster";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { WebhookView } from "@/lib/notify/store";
import { addWebhookAction, removeWebhookAction, sendTestAction, toggleWebhookAction } from "../actions";

const PRESETS = ["generic", "dingtalk", "wecom", "feishu"] as const;
const code = (chunks: React.ReactNode) => <code className="font-mono">{chunks}</code>;

/** The account's webhooks: each with its format, on or off, a test event and removal; and a form to add one. */
export function Webhooks({ webhooks, canChange }: { webhooks: WebhookView[]; canChange: boolean }) {
  const t = useTranslations("notify.page");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("webhooks")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        <p className="text-muted-foreground">{t.rich("webhooksHint", { code })}</p>
        {webhooks.length === 0 ? (
          <p className="text-muted-foreground">{t("noWebhooks")}</p>
        ) : (
          <Table>
            <caption className="sr-only">{t("webhooks")}</caption>
            <THead>
              <TR>
                <TH>{t("webhookName")}</TH>
                <TH>{t("webhookPreset")}</TH>
                <TH>{t("webhookUrl")}</TH>
                <TH>{t("colStatus")}</TH>
                {canChange && <TH className="sr-only">{t("colActions")}</TH>}
              </TR>
            </THead>
            <tbody>
              {webhooks.map((w) => (
                <TR key={w.id}>
                  <TD label={t("webhookName")}>
                    <span translate="no" className="font-medium">
                      {w.name}
                    </span>
                    <div className="text-xs text-muted-foreground">
                      {w.createdBy} · <DateTime value={w.createdAt} />
                    </div>
                  </TD>
                  <TD label={t("webhookPreset")}>{t(`presets.${w.preset}`)}</TD>
                  <TD label={t("webhookUrl")} className="max-w-64">
                    <code className="font-mono text-xs break-all" translate="no">
                      {w.url}
                    </code>
                  </TD>
                  <TD label={t("colStatus")}>
                    <Badge tone={w.enabled ? "success" : "neutral"}>{w.enabled ? t("enabled") : t("disabled")}</Badge>
                  </TD>
                  {canChange && (
                    <TD className="whitespace-nowrap">
                      <RowActions hook={w} />
                    </TD>
                  )}
                </TR>
              ))}
            </tbody>
          </Table>
        )}
        {canChange && <AddWebhook />}
      </CardContent>
    </Card>
  );
}

function RowActions({ hook }: { hook: WebhookView }) {
  const t = useTranslations("notify.page");
  const toast = useToast();
  const say = (ok: string) => (s: { ok: boolean; error?: { message: string } }) =>
    toast(s.ok ? { tone: "success", title: ok } : { tone: "error", title: s.error?.message ?? "" });
  const [, test, testing] = useActionState(async (prev: unknown, form: FormData) => {
    const r = await sendTestAction(null, form);
    say(t("testQueued", { name: hook.name }))(r);
    return r;
  }, null);
  const [, toggle, toggling] = useActionState(
    async (prev: unknown, form: FormData) => toggleWebhookAction(null, form),
    null,
  );
  const [, remove, removing] = useActionState(async (prev: unknown, form: FormData) => {
    const r = await removeWebhookAction(null, form);
    say(t("removed"))(r);
    return r;
  }, null);
  return (
    <div className="flex flex-wrap justify-end gap-1">
      <form action={test}>
        <input type="hidden" name="id" value={hook.id} />
        <Button
          type="submit"
          variant="secondary"
          size="sm"
          disabled={testing || !hook.enabled}
          aria-label={`${t("sendTest")}: ${hook.name}`}
        >
          {t("sendTest")}
        </Button>
      </form>
      <form action={toggle}>
        <input type="hidden" name="id" value={hook.id} />
        <input type="hidden" name="enabled" value={hook.enabled ? "0" : "1"} />
        <Button
          type="submit"
          variant="ghost"
          size="sm"
          disabled={toggling}
          aria-label={`${hook.enabled ? t("disable") : t("enable")}: ${hook.name}`}
        >
          {hook.enabled ? t("disable") : t("enable")}
        </Button>
      </form>
      <form action={remove}>
        <input type="hidden" name="id" value={hook.id} />
        <Button type="submit" variant="ghost" size="sm" disabled={removing} aria-label={`${t("remove")}: ${hook.name}`}>
          {t("remove")}
        </Button>
      </form>
    </div>
  );
}

/** Adds a webhook; the secret made for it is shown once, to paste into the receiver. */
function AddWebhook() {
  const t = useTranslations("notify.page");
  const [round, setRound] = useState(0);
  const [state, add, adding] = useActionState(
    async (prev: Awaited<ReturnType<typeof addWebhookAction>> | null, form: FormData) => {
      const r = await addWebhookAction(prev, form);
      if (r.ok) setRound((n) => n + 1);
      return r;
    },
    null,
  );
  const typed = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const field = (key: "name" | "url" | "secret", label: string, props: React.ComponentProps<typeof Input> = {}) => (
    <div className="flex min-w-0 flex-col gap-1">
      <Label htmlFor={`webhook-${key}`}>{label}</Label>
      <Input
        id={`webhook-${key}`}
        name={key}
        defaultValue={typed?.[key] ?? ""}
        aria-invalid={Boolean(errors[key])}
        aria-describedby={errors[key] ? `webhook-${key}-error` : undefined}
        {...props}
      />
      {errors[key] && (
        <p id={`webhook-${key}-error`} className="text-xs text-destructive">
          {errors[key].join(" ")}
        </p>
      )}
    </div>
  );
  return (
    <form
      key={`${round}-${JSON.stringify(typed ?? {})}`}
      action={add}
      className="flex flex-col gap-3 rounded-md border border-dashed border-border p-4"
      aria-label={t("addWebhook")}
    >
      <div className="grid gap-3 md:grid-cols-2">
        {field("name", t("webhookName"), { maxLength: 64, required: true })}
        <div className="flex flex-col gap-1">
          <Label htmlFor="webhook-preset">{t("webhookPreset")}</Label>
          <select
            id="webhook-preset"
            name="preset"
            defaultValue={typed?.preset ?? "generic"}
            className="h-9 rounded-md border border-input bg-background px-2 text-sm"
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`presets.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {field("url", t("webhookUrl"), { type: "url", required: true, placeholder: "https://", spellCheck: false })}
        {field("secret", t("webhookSecret"), { autoComplete: "off", spellCheck: false })}
      </div>
      <p className="text-xs text-muted-foreground">{t("webhookSecretHint")}</p>
      {state && !state.ok && !Object.keys(errors).length && <Alert tone="error">{state.error.message}</Alert>}
      {state?.ok && (
        <Alert tone="info">
          {t("added")}{" "}
          {state.data.secret && (
            <>
              {t("secretOnce", { name: state.data.name })}
              <code className="font-mono break-all" translate="no" data-testid="webhook-secret">
                {state.data.secret}
              </code>
            </>
          )}
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={adding}>
          {t("addWebhook")}
        </Button>
      </div>
    </form>
  );
}
