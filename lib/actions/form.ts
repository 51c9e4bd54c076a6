import type { z } from "zod";
import { isCatalogueKey } from "@/lib/localize/errors";
import type { RootTranslator, TextValues } from "@/lib/i18n/text";

const SECRET_FIELD = /pass(word)?|token|secret/i;

/** Form fields as strings (repeated fields joined), secrets removed: what the form shows again. */
export function echo(raw: unknown): Record<string, string> {
  if (!raw || typeof raw !== "object") return {};
  return Object.fromEntries(
    Object.entries(raw)
      .filter(
        ([k, v]) => !SECRET_FIELD.test(k) && !k.startsWith("$ACTION") && (typeof v === "string" || Array.isArray(v)),
      )
      .map(([k, v]) => [k, Array.isArray(v) ? v.join("\n") : String(v)]),
  );
}

/** FormData as plain values; a repeated field becomes a list. */
export function fromForm(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}

/**
 * A zod error as messages per field, for `aria-invalid` fields and their hints. With `say`, a message
 * that is a catalogue key (`fieldKey`) is said in its language, the issue's limits as `{minimum}` and
 * `{maximum}`.
 */
export function fieldErrorsOf(error: z.ZodError, say?: RootTranslator): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(sayIssue(issue, say));
  return fieldErrors;
}

function sayIssue(issue: z.core.$ZodIssue, say: RootTranslator | undefined): string {
  if (!say || !isCatalogueKey(issue.message, say)) return issue.message;
  const values: TextValues = {};
  if ("minimum" in issue) values.minimum = Number(issue.minimum);
  if ("maximum" in issue) values.maximum = Number(issue.maximum);
  return say(issue.message, values);
}
