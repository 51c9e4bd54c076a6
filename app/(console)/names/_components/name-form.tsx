"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { dataTag } from "@/components/data-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { saveNameAction } from "../actions";

/**
 * Names an id (or renames it, `fixedId` given). The id field takes a project or account id, an
 * organization id or its URN; the server checks it as the import does.
 */
export function NameForm({
  fixedId,
  defaults = {},
  onDone,
}: {
  fixedId?: string;
  defaults?: { id?: string; name?: string; note?: string };
  onDone?: () => void;
}) {
  const t = useTranslations("names.form");
  const tn = useTranslations("names");
  const tt = useTranslations("names.table");
  const [state, action, pending] = useActionState(saveNameAction, null);
  const form = useRef<HTMLFormElement>(null);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const prefix = fixedId ? `rename-${fixedId}` : "add";
  useEffect(() => {
    if (!state?.ok) return;
    if (!fixedId) form.current?.reset();
    onDone?.();
  }, [state, fixedId, onDone]);

  const field = (key: "id" | "name" | "note", label: string, className: string) => (
    <div className={`flex flex-col gap-1 ${className}`}>
      <Label htmlFor={`${prefix}-${key}`}>{label}</Label>
      <Input
        id={`${prefix}-${key}`}
        name={key}
        defaultValue={values[key] ?? defaults[key] ?? ""}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${prefix}-${key}-error` : undefined}
        className={key === "id" ? "font-mono text-xs" : undefined}
        autoComplete="off"
      />
      {errors[key] && (
        <p id={`${prefix}-${key}-error`} className="text-xs text-destructive">
          {errors[key][0]}
        </p>
      )}
    </div>
  );

  return (
    <form
      ref={form}
      action={action}
      aria-label={fixedId ? tt("renameLabel", { id: fixedId }) : tn("nameAnId")}
      className="flex flex-wrap items-start gap-3"
    >
      {fixedId ? <input type="hidden" name="id" value={fixedId} /> : field("id", t("id"), "w-full sm:w-80")}
      {field("name", t("name"), "w-full sm:w-56")}
      {field("note", t("note"), "w-full sm:w-64")}
      <Button type="submit" className="sm:mt-6" disabled={pending}>
        {pending ? t("saving") : fixedId ? t("save") : t("add")}
      </Button>
      <div aria-live="polite" className="basis-full text-sm empty:hidden">
        {state?.ok && !fixedId && (
          <Alert>{t.rich("named", { id: state.data.id, name: state.data.name, data: dataTag })}</Alert>
        )}
        {state && !state.ok && !state.error.fieldErrors && <Alert tone="error">{state.error.message}</Alert>}
      </div>
    </form>
  );
}
