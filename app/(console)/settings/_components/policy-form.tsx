"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { codeTag } from "@/components/data-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label, Textarea } from "@/components/ui/input";
import { APPROVAL_KINDS, POLICY_MODES, type SharingPolicy } from "@/lib/policy/policy";
import { cn } from "@/lib/utils";
import { savePolicyAction } from "../actions";

/**
 * The account's sharing policy as a form: mode, allowed targets, what happens to any other, locked
 * images, and what needs approval. Read-only users see it disabled. After a refusal the form shows what
 * was typed (React resets a form after an action), with each field's error beside it.
 */
export function PolicyForm({ policy, canChange }: { policy: SharingPolicy; canChange: boolean }) {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState(savePolicyAction, null);
  const typed = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  // What the fields show: what was typed before a refusal, else the saved policy.
  const text = (key: keyof SharingPolicy, saved: string) => typed?.[key] ?? saved;
  const checked = (key: keyof SharingPolicy, saved: boolean) => (typed ? typed[key] === "on" : saved);
  const chosenKinds = typed ? (typed.approvalKinds ?? "").split("\n") : policy.approvalKinds;

  const error = (key: string) =>
    errors[key] && (
      <p id={`policy-${key}-error`} className="text-xs text-destructive">
        {errors[key].join(" ")}
      </p>
    );
  const invalid = (key: string) =>
    errors[key] ? { "aria-invalid": true as const, "aria-describedby": `policy-${key}-error` } : {};
  /** A textarea of entries, one per line, with its hint and error. */
  const lines = (key: "allowlist" | "lockedNames" | "lockedTags", label: string, hint: ReactNode, rows: number) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`policy-${key}`}>{label}</Label>
      <Textarea
        id={`policy-${key}`}
        name={key}
        rows={rows}
        defaultValue={text(key, policy[key].join("\n"))}
        {...invalid(key)}
      />
      <p className="text-xs text-muted-foreground">{hint}</p>
      {error(key)}
    </div>
  );

  return (
    // Keyed by what it shows: React resets a form after an action, and a select keeps the option it had
    // when it was first drawn, so the form is drawn again with the values it should show.
    <form key={JSON.stringify(typed ?? policy)} action={action} className="flex flex-col gap-4" aria-label={t("title")}>
      <fieldset disabled={!canChange || pending} className="flex min-w-0 flex-col gap-4">
        <Section legend={t("mode.legend")}>
          <div role="radiogroup" aria-label={t("mode.legend")} className="grid gap-2 md:grid-cols-3">
            {POLICY_MODES.map((mode) => (
              <label
                key={mode}
                className={cn(
                  "flex cursor-pointer flex-col gap-1 rounded-md border border-border p-3 text-sm",
                  "has-[:checked]:border-primary has-[:checked]:bg-accent",
                )}
              >
                <span className="flex items-center gap-2 font-medium">
                  <input
                    type="radio"
                    name="mode"
                    value={mode}
                    defaultChecked={text("mode", policy.mode) === mode}
                    className="accent-[var(--primary)]"
                  />
                  {t(`mode.${mode}`)}
                </span>
                <span className="text-xs text-muted-foreground">{t(`mode.${mode}Hint`)}</span>
              </label>
            ))}
          </div>
        </Section>

        <Section legend={t("targets.legend")}>
          <Check name="allowOwnProjects" defaultChecked={checked("allowOwnProjects", policy.allowOwnProjects)}>
            {t("targets.ownProjects")}
          </Check>
          <Check name="allowOrganization" defaultChecked={checked("allowOrganization", policy.allowOrganization)}>
            {t("targets.organization")}
          </Check>
          {lines("allowlist", t("targets.allowlist"), t("targets.allowlistHint"), 4)}
          <div className="flex flex-col gap-1">
            <Label htmlFor="policy-otherwise">{t("targets.otherwise")}</Label>
            <select
              id="policy-otherwise"
              name="otherwise"
              defaultValue={text("otherwise", policy.otherwise)}
              className="h-9 w-fit max-w-full rounded-md border border-input bg-background px-2 text-sm"
            >
              <option value="allow">{t("targets.otherwiseAllow")}</option>
              <option value="warn">{t("targets.otherwiseWarn")}</option>
              <option value="approve">{t("targets.otherwiseApprove")}</option>
            </select>
          </div>
        </Section>

        <Section legend={t("locked.legend")}>
          <div className="grid gap-4 md:grid-cols-2">
            {lines("lockedNames", t("locked.names"), t.rich("locked.namesHint", { code: codeTag }), 3)}
            {lines("lockedTags", t("locked.tags"), t.rich("locked.tagsHint", { code: codeTag }), 3)}
          </div>
        </Section>

        <Section legend={t("approval.legend")}>
          <fieldset className="flex min-w-0 flex-col gap-1">
            <legend className="mb-1 text-sm font-medium">{t("approval.kinds")}</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-1">
              {APPROVAL_KINDS.map((kind) => (
                <Check key={kind} name="approvalKinds" value={kind} defaultChecked={chosenKinds.includes(kind)}>
                  {t("approval.kind", { kind })}
                </Check>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-4 md:grid-cols-2">
            <div className="flex flex-col gap-1">
              <Label htmlFor="policy-approvalBatchOver">{t("approval.batchOver")}</Label>
              <Input
                id="policy-approvalBatchOver"
                name="approvalBatchOver"
                type="number"
                min={1}
                max={20000}
                defaultValue={text("approvalBatchOver", policy.approvalBatchOver?.toString() ?? "")}
                className="w-40"
                {...invalid("approvalBatchOver")}
              />
              <p className="text-xs text-muted-foreground">{t("approval.batchOverHint")}</p>
              {error("approvalBatchOver")}
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="policy-approvalHours">{t("approval.hours")}</Label>
              <Input
                id="policy-approvalHours"
                name="approvalHours"
                type="number"
                min={1}
                max={720}
                required
                defaultValue={text("approvalHours", String(policy.approvalHours))}
                className="w-40"
                {...invalid("approvalHours")}
              />
              {error("approvalHours")}
            </div>
          </div>
        </Section>
      </fieldset>
      {canChange && (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
          <div aria-live="polite" className="text-sm">
            {state?.ok && <Alert>{t("saved", { mode: state.data.mode })}</Alert>}
            {state && !state.ok && <Alert tone="error">{state.error.message}</Alert>}
          </div>
        </div>
      )}
    </form>
  );
}

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{legend}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">{children}</CardContent>
    </Card>
  );
}

function Check({
  name,
  value = "on",
  defaultChecked,
  children,
}: {
  name: string;
  value?: string;
  defaultChecked: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        className="size-4 shrink-0 accent-[var(--primary)]"
      />
      {children}
    </label>
  );
}
