"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { kindKey, NOTIFICATION_KINDS } from "@/lib/notify/kinds";
import type { NotificationSettings } from "@/lib/notify/settings";
import { saveNotificationsAction } from "../actions";

const selectClass = "h-9 rounded-md border border-input bg-background px-2 text-sm";

/**
 * Which events are sent, how early, in which language, and to which SMN topic. After a refusal the form
 * shows what was typed (React resets a form after an action); it is drawn again from what it should show.
 */
export function NotificationsForm({
  settings,
  topics,
  topicsError,
  canChange,
}: {
  settings: NotificationSettings;
  topics: { urn: string; name: string; displayName?: string }[];
  topicsError?: string;
  canChange: boolean;
}) {
  const t = useTranslations("notify.page");
  const kinds = useTranslations("notify.kinds");
  const [state, action, pending] = useActionState(saveNotificationsAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const value = (key: string, saved: string) => typed?.[key] ?? saved;
  const on = (kind: string) =>
    typed ? typed[`event.${kind}`] === "on" : settings.events[kind as keyof typeof settings.events];
  const error = (key: string) =>
    errors[key] && (
      <p id={`notify-${key}-error`} className="text-xs text-destructive">
        {errors[key].join(" ")}
      </p>
    );
  const topic = value("smnTopic", settings.smn?.topicUrn ?? "");

  return (
    <form key={JSON.stringify(typed ?? settings)} action={action} aria-label={t("title")}>
      <fieldset disabled={!canChange || pending} className="flex min-w-0 flex-col gap-4">
        <Card>
          <CardHeader>
            <CardTitle>{t("eventsLegend")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <ul className="grid gap-3 md:grid-cols-2">
              {NOTIFICATION_KINDS.map((kind) => (
                <li key={kind} className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    id={`event-${kind}`}
                    name={`event.${kind}`}
                    defaultChecked={on(kind)}
                    className="mt-0.5 size-4 shrink-0"
                    aria-describedby={`event-${kind}-hint`}
                  />
                  <div className="flex min-w-0 flex-col">
                    <Label htmlFor={`event-${kind}`}>{kinds(`${kindKey(kind)}.label`)}</Label>
                    <span id={`event-${kind}-hint`} className="text-xs text-muted-foreground">
                      {kinds(`${kindKey(kind)}.hint`)}{" "}
                      <code className="font-mono" translate="no">
                        {kind}
                      </code>
                    </span>
                  </div>
                </li>
              ))}
            </ul>
            <div className="grid gap-4 md:grid-cols-3">
              {(["leaseWarnDays", "incomingWaitHours"] as const).map((key) => (
                <div key={key} className="flex flex-col gap-1">
                  <Label htmlFor={`notify-${key}`}>{t(key)}</Label>
                  <Input
                    id={`notify-${key}`}
                    name={key}
                    type="number"
                    inputMode="numeric"
                    defaultValue={value(key, String(settings[key]))}
                    aria-invalid={Boolean(errors[key])}
                    aria-describedby={errors[key] ? `notify-${key}-error` : undefined}
                  />
                  {error(key)}
                </div>
              ))}
              <div className="flex flex-col gap-1">
                <Label htmlFor="notify-language">{t("language")}</Label>
                <select
                  id="notify-language"
                  name="language"
                  defaultValue={value("language", settings.language)}
                  className={selectClass}
                >
                  <option value="en" lang="en">
                    English
                  </option>
                  <option value="zh-CN" lang="zh-CN">
                    简体中文
                  </option>
                </select>
              </div>
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("smnLegend")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2 text-sm">
            <p className="text-muted-foreground">{t("smnHint")}</p>
            {topicsError && <Alert tone="warning">{t("smnUnavailable", { reason: topicsError })}</Alert>}
            <Label htmlFor="notify-smnTopic">{t("smnLegend")}</Label>
            <select
              id="notify-smnTopic"
              name="smnTopic"
              defaultValue={topic}
              className={selectClass}
              aria-invalid={Boolean(errors.smnTopic)}
              aria-describedby={errors.smnTopic ? "notify-smnTopic-error" : undefined}
            >
              <option value="">{t("smnNone")}</option>
              {topic && !topics.some((x) => x.urn === topic) && (
                <option value={topic} translate="no">
                  {topic}
                </option>
              )}
              {topics.map((x) => (
                <option key={x.urn} value={x.urn} translate="no">
                  {x.displayName ? `${x.name} (${x.displayName})` : x.name}
                </option>
              ))}
            </select>
            {error("smnTopic")}
            {topic && (
              <p className="text-xs text-muted-foreground">
                {t("smnUrn")}:{" "}
                <code className="font-mono break-all" translate="no">
                  {topic}
                </code>
              </p>
            )}
          </CardContent>
        </Card>
        {state && !state.ok && !Object.keys(errors).length && <Alert tone="error">{state.error.message}</Alert>}
        {state?.ok && (
          <p role="status" className="text-sm text-success">
            {t("saved")}
          </p>
        )}
        {canChange && (
          <div>
            <Button type="submit">{t("save")}</Button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
