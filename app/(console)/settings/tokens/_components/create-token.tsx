"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { CopyButton } from "@/components/target-id";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { EXPIRY_DAYS } from "@/lib/tokens/form";
import { createApiTokenAction } from "../actions";
import { CredentialsFields } from "./credentials-fields";
import { fieldErrors } from "./field-errors";

type State = Awaited<ReturnType<typeof createApiTokenAction>> | null;

/**
 * The form that makes a token: name, access, how long it lasts, what it acts with. The secret it answers
 * is shown here once, with a copy button, and is gone when the page is left.
 */
export function CreateToken({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("tokens.create");
  const [round, setRound] = useState(0);
  const [state, create, creating] = useActionState(async (prev: State, form: FormData) => {
    const next = await createApiTokenAction(prev, form);
    if (next.ok) setRound((n) => n + 1);
    return next;
  }, null);
  const typed = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const { hint, message: fieldError } = fieldErrors(errors);
  return (
    <Card>
      <CardHeader>
        <CardTitle id="create-token">{t("legend")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        <form key={round} action={create} aria-labelledby="create-token" className="flex flex-col gap-4">
          <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <div className="flex min-w-0 flex-col gap-1">
              <Label htmlFor="token-name">{t("name")}</Label>
              <Input
                id="token-name"
                name="name"
                required
                maxLength={64}
                autoComplete="off"
                defaultValue={typed?.name ?? ""}
                aria-invalid={Boolean(errors.name)}
                aria-describedby={hint("name") ?? "token-name-hint"}
              />
              <p id="token-name-hint" className="text-xs text-muted-foreground">
                {t("nameHint")}
              </p>
              {fieldError("name")}
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="token-expires">{t("expires")}</Label>
              <select
                id="token-expires"
                name="expiresInDays"
                defaultValue={typed?.expiresInDays ?? String(EXPIRY_DAYS.default)}
                aria-invalid={Boolean(errors.expiresInDays)}
                aria-describedby={hint("expiresInDays")}
                className="h-9 rounded-md border border-input bg-background px-2 text-sm"
              >
                {EXPIRY_DAYS.offered.map((days) => (
                  <option key={days} value={days}>
                    {t("days", { count: days })}
                  </option>
                ))}
              </select>
              {fieldError("expiresInDays")}
            </div>
          </div>
          <fieldset className="flex flex-col gap-2" aria-describedby={hint("access")}>
            <legend className="mb-1 text-sm font-medium">{t("access")}</legend>
            {(["read", "write"] as const).map((access) => (
              <label key={access} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="access"
                  value={access}
                  defaultChecked={(typed?.access ?? "read") === access}
                  disabled={access === "write" && !canWrite}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{t(access)}</span>
                  <span className="block text-xs text-muted-foreground">{t(`${access}Hint`)}</span>
                </span>
              </label>
            ))}
            {fieldError("access")}
          </fieldset>
          <CredentialsFields typed={typed} errors={errors} />
          <div aria-live="polite" className="empty:hidden">
            {state && !state.ok && !Object.keys(errors).length && <Alert tone="error">{state.error.message}</Alert>}
          </div>
          <div>
            <Button type="submit" disabled={creating}>
              {t("submit")}
            </Button>
          </div>
        </form>
        {state?.ok && <NewSecret name={state.data.name} secret={state.data.secret} />}
      </CardContent>
    </Card>
  );
}

/** The secret of the token just made: shown once, selectable, with a copy button. */
function NewSecret({ name, secret }: { name: string; secret: string }) {
  const t = useTranslations("tokens.create");
  return (
    <Alert tone="info" role="status" className="flex flex-col gap-2" data-testid="new-token">
      <p>
        {t("created", { name })} <strong>{t("secretOnce")}</strong>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="sr-only">{t("secretLabel")}</span>
        <code
          translate="no"
          className="rounded border border-border bg-background px-2 py-1 font-mono text-xs break-all select-all"
          data-testid="token-secret"
        >
          {secret}
        </code>
        <CopyButton value={secret} label={t("copy")} />
      </div>
    </Alert>
  );
}
