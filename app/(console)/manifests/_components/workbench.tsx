"use client";

import { Download, FileUp, Play, ScanSearch, Undo2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action";
import type { AppError } from "@/lib/errors";
import type { ManifestPlanView } from "@/lib/manifest/view";
import { applyManifestAction, exportManifestAction, planManifestAction, watchManifestAction } from "../actions";
import { PlanResult } from "./plan-result";

type Applied = {
  batches: { id: string; operation: string; launched: number }[];
  approvals: { id: string; pairs: number }[];
  nothing: boolean;
};

/** The largest file read into the editor: what a server action takes. */
const MAX_FILE = 1_000_000;

/**
 * The manifest editor: paste, upload or export the current sharing, plan it against the cloud, read the
 * diff, then apply exactly that plan (its digest goes with it) or watch the file for drift. A plan made
 * before the text changed is not applied: the page asks for a new one.
 */
export function Workbench({
  initial,
  initialName,
  canChange,
  checkMinutes,
}: {
  initial: string;
  initialName: string;
  canChange: boolean;
  /** How often a watched manifest is compared (DRIFT_CHECK_MS), 0 for only after imports and on demand. */
  checkMinutes: number;
}) {
  const t = useTranslations("drift.page");
  const [source, setSource] = useState(initial);
  const [undo, setUndo] = useState<string | undefined>();
  const [plan, setPlan] = useState<{ view: ManifestPlanView; source: string } | undefined>();
  const [applied, setApplied] = useState<Applied | undefined>();
  const [watched, setWatched] = useState<string | undefined>();
  const [error, setError] = useState<AppError | undefined>();
  const [reason, setReason] = useState("");
  const [name, setName] = useState(initialName);
  const [busy, start] = useTransition();
  const file = useRef<HTMLInputElement>(null);
  const stale = plan !== undefined && plan.source !== source;

  const run = <T,>(call: () => Promise<ActionResult<T>>, done: (data: T) => void) =>
    start(async () => {
      setError(undefined);
      const result = await call();
      if (result.ok) done(result.data);
      else setError(result.error);
    });

  const replace = (text: string) => {
    if (source.trim() !== "" && source !== text) setUndo(source);
    setSource(text);
    setApplied(undefined);
  };

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > MAX_FILE) {
      setError({ code: "invalid_input", message: t("fileTooLarge") });
      return;
    }
    replace(await f.text());
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([source], { type: "application/yaml" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: `${name.trim() || "sharing"}.yaml` });
    a.click();
    URL.revokeObjectURL(url);
  };

  const changes = plan ? plan.view.counts.add + plan.view.counts.remove : 0;
  const fieldError = error?.fieldErrors?.manifest?.[0];

  return (
    <section
      aria-labelledby="editor-heading"
      className="flex flex-col gap-4 rounded-lg border border-border bg-card p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="editor-heading" className="font-medium">
          {t("editor")}
        </h2>
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={busy}
            onClick={() =>
              run(
                () => exportManifestAction(null, {}),
                (d) => replace(d.yaml),
              )
            }
          >
            <ScanSearch aria-hidden />
            {t("export")}
          </Button>
          <Button type="button" variant="secondary" size="sm" disabled={busy} onClick={() => file.current?.click()}>
            <FileUp aria-hidden />
            {t("upload")}
          </Button>
          <input
            ref={file}
            type="file"
            accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
            className="hidden"
            aria-label={t("upload")}
            onChange={(e) => void onFile(e.target.files?.[0]).finally(() => (e.target.value = ""))}
          />
          <Button type="button" variant="secondary" size="sm" disabled={source.trim() === ""} onClick={download}>
            <Download aria-hidden />
            {t("download")}
          </Button>
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="manifest-source">{t("source")}</Label>
        <Textarea
          id="manifest-source"
          value={source}
          onChange={(e) => {
            setSource(e.target.value);
            setUndo(undefined);
          }}
          rows={16}
          wrap="off"
          spellCheck={false}
          placeholder={t("placeholder")}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby="manifest-source-hint"
        />
        <p id="manifest-source-hint" className="text-xs text-muted-foreground">
          {t.rich("sourceHint", {
            schema: (c) => (
              <a className="text-primary underline underline-offset-4" href="/api/v1/manifest/schema.json">
                {c}
              </a>
            ),
            cmd: (c) => <code className="font-mono">{c}</code>,
          })}
        </p>
        {undo !== undefined && (
          <Button
            type="button"
            variant="link"
            size="sm"
            className="self-start px-0"
            onClick={() => (setSource(undo), setUndo(undefined))}
          >
            <Undo2 aria-hidden />
            {t("undo")}
          </Button>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          disabled={busy || source.trim() === ""}
          onClick={() =>
            run(
              () => planManifestAction(null, { manifest: source }),
              (view) => (setPlan({ view, source }), setApplied(undefined)),
            )
          }
        >
          <Play aria-hidden />
          {busy ? t("working") : t("plan")}
        </Button>
      </div>
      <div aria-live="polite" className="flex flex-col gap-2 empty:hidden">
        {error && (
          <Alert tone="error" className="whitespace-pre-line">
            {fieldError ?? error.message}
          </Alert>
        )}
        {stale && <Alert tone="warning">{t("stale")}</Alert>}
        {applied && <AppliedNote applied={applied} />}
        {watched && <Alert>{t("watching", { name: watched })}</Alert>}
      </div>
      {plan && !stale && <PlanResult view={plan.view} />}
      {plan && !stale && canChange && changes > 0 && !applied && (
        <div className="flex flex-wrap items-end gap-3 border-t border-border pt-4">
          {(plan.view.asksReason || plan.view.asksApproval) && (
            <div className="flex w-full flex-col gap-1 sm:w-96">
              <Label htmlFor="apply-reason">{t("reason")}</Label>
              <Input id="apply-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          )}
          <Button
            type="button"
            disabled={busy}
            onClick={() =>
              run(
                () =>
                  applyManifestAction(null, {
                    manifest: plan.source,
                    planDigest: plan.view.digest,
                    ...(reason.trim() ? { reason } : {}),
                  }),
                setApplied,
              )
            }
          >
            {t("apply", { count: changes })}
          </Button>
        </div>
      )}
      {canChange && (
        <div className="flex flex-wrap items-end gap-3 border-t border-border pt-4">
          <div className="flex w-full flex-col gap-1 sm:w-64">
            <Label htmlFor="watch-name">{t("watchName")}</Label>
            <Input id="watch-name" value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />
          </div>
          <Button
            type="button"
            variant="secondary"
            disabled={busy || source.trim() === "" || name.trim() === ""}
            onClick={() =>
              run(
                () => watchManifestAction(null, { name, manifest: source }),
                (d) => setWatched(d.name),
              )
            }
          >
            {t("watch")}
          </Button>
          <p className="basis-full text-xs text-muted-foreground">{t("watchHint", { minutes: checkMinutes })}</p>
        </div>
      )}
    </section>
  );
}

/** What an apply launched: links to its batches and to the approvals it asked for. */
function AppliedNote({ applied }: { applied: Applied }) {
  const t = useTranslations("drift.page");
  if (applied.nothing) return <Alert>{t("nothingToApply")}</Alert>;
  return (
    <Alert>
      <p>{t("applied", { batches: applied.batches.length, approvals: applied.approvals.length })}</p>
      <ul className="mt-1 list-disc pl-5">
        {applied.batches.map((b) => (
          <li key={b.id}>
            <Link className="text-primary underline-offset-4 hover:underline" href={`/batches/${b.id}`}>
              {t("batchLink", { operation: b.operation, count: b.launched })}
            </Link>
          </li>
        ))}
        {applied.approvals.map((a) => (
          <li key={a.id}>
            <Link className="text-primary underline-offset-4 hover:underline" href="/approvals">
              {t("approvalLink", { count: a.pairs })}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
