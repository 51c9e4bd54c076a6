"use client";

import { useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import { codeTag } from "@/components/data-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label, Textarea } from "@/components/ui/input";
import { parseNamesCsv } from "@/lib/names/validate";
import { importNamesAction } from "../actions";

/**
 * Imports `id,name[,note]` rows from a file or pasted text. The rows are checked as they are typed
 * (a preview of what would be imported) and again on the server: any bad row refuses the whole file.
 */
export function ImportForm() {
  const t = useTranslations("names.import");
  const [state, action, pending] = useActionState(importNamesAction, null);
  const [csv, setCsv] = useState("");
  const preview = useMemo(() => (csv.trim() ? parseNamesCsv(csv) : undefined), [csv]);
  const rowErrors = state && !state.ok ? state.error.fieldErrors?.csv : undefined;

  return (
    <form action={action} aria-label={t("label")} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <Label htmlFor="names-file">{t("file")}</Label>
        <input
          id="names-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          className="text-sm"
          onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? "")}
        />
      </div>
      <Label htmlFor="names-csv">{t.rich("rows", { code: codeTag })}</Label>
      <Textarea
        id="names-csv"
        name="csv"
        rows={5}
        value={csv}
        onChange={(e) => setCsv(e.target.value)}
        placeholder={"id,name,note\n610be0000000000000000000000000a1,Globex Singapore,billing team"}
        aria-invalid={rowErrors ? true : undefined}
        aria-describedby="names-csv-status"
      />
      <p id="names-csv-status" className="text-xs text-muted-foreground">
        {preview?.ok && t("ready", { count: preview.entries.length })}
        {preview && !preview.ok && t("problems", { count: preview.errors.length })}
      </p>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary" disabled={pending || !csv.trim()}>
          {pending ? t("importing") : t("import")}
        </Button>
      </div>
      <div aria-live="polite" className="text-sm empty:hidden" data-testid="names-import-result">
        {state?.ok && <Alert>{t("imported", { count: state.data.imported })}</Alert>}
        {state && !state.ok && (
          <Alert tone="error">
            <p>{state.error.message}</p>
            {rowErrors && (
              <ul className="mt-1 list-disc pl-5 text-xs">
                {rowErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </div>
    </form>
  );
}
