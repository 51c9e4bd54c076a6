"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input, Label, Textarea } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { signInAction } from "./actions";

type Mode = "password" | "token";

function Field({
  name,
  label,
  error,
  children,
}: {
  name: string;
  label: string;
  error?: string[];
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={name}>{label}</Label>
      {children}
      {error && (
        <p id={`${name}-error`} className="text-xs text-destructive">
          {error.join(" ")}
        </p>
      )}
    </div>
  );
}

export function LoginForm({
  callbackUrl,
  regions,
  defaultRegion,
  expired,
}: {
  callbackUrl: string;
  regions: string[];
  defaultRegion: string;
  expired: boolean;
}) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signInAction, null);
  const [mode, setMode] = useState<Mode>(
    state?.ok === false && state.values?.method === "token" ? "token" : "password",
  );
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const fieldErrors = state?.ok === false ? state.error.fieldErrors : undefined;
  const invalid = (name: string) =>
    fieldErrors?.[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};
  const message = state?.ok === false ? state.error.message : expired ? t("expired") : null;

  return (
    <Card>
      <div role="tablist" aria-label={t("method")} className="flex border-b border-border text-sm">
        {(["password", "token"] as const).map((m) => (
          <button
            key={m}
            role="tab"
            type="button"
            aria-selected={mode === m}
            onClick={() => setMode(m)}
            className={cn(
              "flex-1 px-4 py-2.5 font-medium",
              mode === m ? "border-b-2 border-primary text-foreground" : "text-muted-foreground hover:text-foreground",
            )}
          >
            {m === "password" ? t("methodPassword") : t("methodToken")}
          </button>
        ))}
      </div>
      <CardContent className="pt-5">
        <form action={action} data-sign-in={mode} className="flex flex-col gap-4" noValidate key={mode}>
          <input type="hidden" name="method" value={mode} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          {mode === "password" ? (
            <>
              <Field name="account" label={t("account")} error={fieldErrors?.account}>
                <Input
                  id="account"
                  name="account"
                  autoComplete="organization"
                  defaultValue={values.account}
                  {...invalid("account")}
                  required
                />
              </Field>
              <Field name="user" label={t("user")} error={fieldErrors?.user}>
                <Input
                  id="user"
                  name="user"
                  autoComplete="username"
                  defaultValue={values.user}
                  {...invalid("user")}
                  required
                />
              </Field>
              <Field name="password" label={t("password")} error={fieldErrors?.password}>
                <Input
                  id="password"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  {...invalid("password")}
                  required
                />
              </Field>
            </>
          ) : (
            <Field name="token" label={t("token")} error={fieldErrors?.token}>
              <Textarea
                id="token"
                name="token"
                rows={5}
                spellCheck={false}
                autoComplete="off"
                placeholder="MII…"
                {...invalid("token")}
                required
              />
            </Field>
          )}
          <Field name="project" label={t("project")} error={fieldErrors?.project}>
            <Input
              id="project"
              name="project"
              list="regions"
              defaultValue={values.project ?? (mode === "password" ? defaultRegion : "")}
              placeholder={mode === "token" ? t("tokenProject") : undefined}
              {...invalid("project")}
            />
            <datalist id="regions">
              {regions.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </Field>
          <div aria-live="polite" className="min-h-0 empty:hidden">
            {message && <Alert tone={state?.ok === false ? "error" : "info"}>{message}</Alert>}
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? t("submitting") : t("submit")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
