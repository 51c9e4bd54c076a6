"use client";

import { useTranslations } from "next-intl";
import { Input, Label } from "@/components/ui/input";
import { fieldErrors } from "./field-errors";

/**
 * The new token's credentials: the user's console session (the default), or an access key they entrust,
 * whose AK and SK fields show only while that choice is checked (by CSS, so the form works before its
 * script loads). The AK is typed back after a refusal; the SK is a password field and never is.
 */
export function CredentialsFields({
  typed,
  errors,
}: {
  typed?: Record<string, string>;
  errors: Record<string, string[]>;
}) {
  const t = useTranslations("tokens.create");
  const chosen = typed?.credentials === "access_key" ? "access_key" : "session";
  const { hint, message: fieldError } = fieldErrors(errors);
  return (
    <fieldset className="group flex flex-col gap-2" aria-describedby={hint("credentials")}>
      <legend className="mb-1 text-sm font-medium">{t("credentials")}</legend>
      {(["session", "access_key"] as const).map((value) => (
        <label key={value} className="flex items-start gap-2">
          <input
            type="radio"
            name="credentials"
            value={value}
            // A hyphen, not the value's underscore: Tailwind reads an underscore in the selector below as a space.
            id={`token-credentials-${value.replace("_", "-")}`}
            defaultChecked={chosen === value}
            className="mt-1"
          />
          <span>
            <span className="font-medium">{t(value === "session" ? "session" : "accessKey")}</span>
            <span className="block text-xs text-muted-foreground">
              {t(value === "session" ? "sessionHint" : "accessKeyHint")}
            </span>
          </span>
        </label>
      ))}
      {fieldError("credentials")}
      <div className="hidden gap-4 pl-6 group-has-[#token-credentials-access-key:checked]:grid md:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-1">
          <Label htmlFor="token-access-key">{t("ak")}</Label>
          <Input
            id="token-access-key"
            name="accessKey"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            defaultValue={typed?.accessKey ?? ""}
            aria-invalid={Boolean(errors.accessKey)}
            aria-describedby={hint("accessKey")}
            className="font-mono"
          />
          {fieldError("accessKey")}
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <Label htmlFor="token-secret-key">{t("sk")}</Label>
          <Input
            id="token-secret-key"
            name="secretKey"
            type="password"
            autoComplete="new-password"
            maxLength={128}
            aria-invalid={Boolean(errors.secretKey)}
            aria-describedby={hint("secretKey") ?? "token-secret-key-hint"}
            className="font-mono"
          />
          <p id="token-secret-key-hint" className="text-xs text-muted-foreground">
            {t("skHint")}
          </p>
          {fieldError("secretKey")}
        </div>
      </div>
    </fieldset>
  );
}
