"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Input, Label } from "@/components/ui/input";

/** How long a share lasts: never ending, a number of days from now, or until a chosen local date and time. */
export type EndsAtChoice =
  { choice: "never" } | { choice: "days"; days: number; at: number } | { choice: "date"; local: string };

export const NEVER: EndsAtChoice = { choice: "never" };

const DAYS = [1, 7, 30, 90] as const;

/** The end as epoch milliseconds, or undefined for none (a date not filled in yet is none too). */
export function endsAtOf(value: EndsAtChoice): number | undefined {
  if (value.choice === "days") return value.at;
  if (value.choice === "date" && value.local) {
    const ms = new Date(value.local).getTime();
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}

/** `datetime-local`'s value for a time, in the browser's zone (to the second, so that a test can end a share soon). */
export function localValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 19);
}

/**
 * "Access ends": a choice of never, 1/7/30/90 days, or a date and time in the browser's zone. It posts
 * `endsAt` as epoch milliseconds, so that the server needs no zone; the parent keeps the choice, so
 * that React's reset of the form after an action cannot undo it.
 */
export function EndsAtField({
  id,
  value,
  onChange,
  disabled,
  error,
}: {
  id: string;
  value: EndsAtChoice;
  onChange: (value: EndsAtChoice) => void;
  disabled?: boolean;
  error?: string;
}) {
  const t = useTranslations("leases.field");
  const endsAt = endsAtOf(value);
  const selected = value.choice === "days" ? String(value.days) : value.choice;
  // React resets the form after an action, and a reset puts a select back to its first option without
  // telling React: the choice is put back right after the form's reset.
  const select = useRef<HTMLSelectElement>(null);
  const shown = useRef(selected);
  useEffect(() => {
    shown.current = selected;
  }, [selected]);
  useEffect(() => {
    const form = select.current?.form;
    if (!form) return;
    const keep = () => setTimeout(() => select.current && (select.current.value = shown.current));
    form.addEventListener("reset", keep);
    return () => form.removeEventListener("reset", keep);
  }, []);
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{t("label")}</Label>
      <div className="flex flex-wrap items-center gap-2">
        <select
          ref={select}
          id={id}
          value={selected}
          disabled={disabled}
          onChange={(e) => {
            const v = e.target.value;
            if (v === "never") onChange(NEVER);
            else if (v === "date")
              onChange({ choice: "date", local: localValue(Date.now() + 7 * 86_400_000).slice(0, 16) });
            else onChange({ choice: "days", days: Number(v), at: Date.now() + Number(v) * 86_400_000 });
          }}
          aria-describedby={`${id}-hint`}
          className="h-9 rounded-md border border-input bg-background px-2 text-sm"
        >
          <option value="never">{t("never")}</option>
          {DAYS.map((d) => (
            <option key={d} value={d}>
              {t("afterDays", { count: d })}
            </option>
          ))}
          <option value="date">{t("onDate")}</option>
        </select>
        {value.choice === "date" && (
          <Input
            type="datetime-local"
            step={1}
            aria-label={t("dateLabel")}
            value={value.local}
            disabled={disabled}
            onChange={(e) => onChange({ choice: "date", local: e.target.value })}
            aria-invalid={Boolean(error)}
            className="w-auto"
          />
        )}
      </div>
      <input type="hidden" name="endsAt" value={endsAt ?? ""} />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {value.choice === "never" ? t("neverHint") : t("hint")}
      </p>
      {error && <p className="text-xs text-destructive">{error}</p>}
    </div>
  );
}
