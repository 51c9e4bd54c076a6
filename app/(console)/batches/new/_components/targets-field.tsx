"use client";

import { useTranslations } from "next-intl";
import { Upload } from "lucide-react";
import { useId, useRef, useState } from "react";
import { codeTag, dataTag } from "@/components/data-text";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label, Textarea } from "@/components/ui/input";
import { readCsvTargets, type CsvTargets } from "./csv";
import { IdKindField } from "@/components/sharing/id-kind-field";

/** Largest target file read in the browser: 1,000 URNs fit in far less. */
const MAX_FILE_BYTES = 1_000_000;

/** Targets typed or pasted, or read from a CSV file into the same box; ids are projects or accounts. */
export function TargetsField({
  targets,
  onTargets,
  kind,
  onKind,
  errors,
}: {
  targets: string;
  onTargets: (s: string) => void;
  kind: "project" | "account";
  onKind: (k: "project" | "account") => void;
  errors?: string[];
}) {
  const id = useId();
  const t = useTranslations("batches.targets");
  const file = useRef<HTMLInputElement>(null);
  const [read, setRead] = useState<(CsvTargets & { name: string }) | { name: string; error: string } | null>(null);

  const upload = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) {
      setRead({ name: f.name, error: t("tooLarge") });
      return;
    }
    const csv = readCsvTargets(await f.text());
    setRead({ ...csv, name: f.name });
    if (csv.values.length) onTargets([targets.trim(), ...csv.values].filter(Boolean).join("\n"));
    if (file.current) file.current.value = "";
  };

  const count = targets.split(/[\s,;]+/).filter(Boolean).length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("hint")}</p>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <IdKindField value={kind} onChange={onKind} />
        <div className="flex flex-col gap-1.5">
          <div className="flex items-end justify-between gap-2">
            <Label htmlFor={`${id}-targets`}>{t("label")}</Label>
            <span className="text-xs text-muted-foreground tabular-nums">{t("entered", { count })}</span>
          </div>
          <Textarea
            id={`${id}-targets`}
            rows={8}
            value={targets}
            onChange={(e) => onTargets(e.target.value)}
            placeholder={"610be0000000000000000000000000a1\norganizations::<account id>:ou:o-…/ou-…"}
            aria-invalid={errors ? true : undefined}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className={errors ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
            {errors ? errors.join(" ") : t("fieldHint")}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <input
            ref={file}
            id={`${id}-file`}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="sr-only"
            onChange={(e) => upload(e.target.files?.[0])}
          />
          <Button type="button" variant="secondary" size="sm" onClick={() => file.current?.click()}>
            <Upload aria-hidden />
            {t("upload")}
          </Button>
          <label htmlFor={`${id}-file`} className="text-xs text-muted-foreground">
            {t.rich("uploadHint", { code: codeTag })}
          </label>
        </div>
        {read && (
          <div role="status" className="rounded-md border border-border bg-muted/50 px-3 py-2 text-xs">
            {"error" in read ? (
              <span className="text-destructive">
                {read.name}: {read.error}
              </span>
            ) : (
              <>
                <p>
                  {t.rich("read", {
                    count: read.values.length,
                    name: read.name,
                    kind: "named" in read.column ? "named" : read.column.header ? "under" : "first",
                    column: "named" in read.column ? read.column.named : (read.column.header ?? ""),
                    strong: (chunks) => <strong>{chunks}</strong>,
                    code: codeTag,
                    file: dataTag,
                  })}
                  {read.ignored.length > 0 && ` ${t("ignored", { count: read.ignored.length })}`}
                </p>
                {read.ignored.length > 0 && (
                  <ul className="mt-1 max-h-24 overflow-y-auto text-muted-foreground">
                    {read.ignored.map((l) => (
                      <li key={l.line}>
                        {t("line", { line: l.line, reason: t(`reasons.${l.reason}`) })}
                        {l.text && <code className="ml-1 font-mono">{l.text.slice(0, 80)}</code>}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
