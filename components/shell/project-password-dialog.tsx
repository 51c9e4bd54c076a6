"use client";

import { useTranslations } from "next-intl";
import { dataTag } from "@/components/data-text";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import type { ActionResult, ActionState } from "@/lib/actions/action";

/** The server action that switches project by signing in to it with the password (a form). */
export type SwitchWithPassword = (
  prev: ActionState<{ project: string }>,
  form: FormData,
) => Promise<ActionResult<{ project: string }>>;

/**
 * Where IAM would not re-scope the session's token to another project (D7), the user switches by
 * signing in to that project with their password; the session keeps its id and gets the new token.
 */
export function ProjectPasswordDialog({
  project,
  user,
  switchProjectWithPasswordAction,
  onCancel,
}: {
  project: { id: string; name: string } | null;
  user: string;
  switchProjectWithPasswordAction: SwitchWithPassword;
  onCancel: () => void;
}) {
  const t = useTranslations("shell.project");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState(switchProjectWithPasswordAction, null);
  const name = project?.name ?? t("thatProject");
  const error = state?.ok === false ? state.error : undefined;
  const fieldError = error?.fieldErrors?.password?.join(" ");
  return (
    <Dialog open={project !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      <DialogContent
        title={t.rich("switchTo", { project: project?.name ?? "", name: dataTag })}
        description={t.rich("passwordDescription", { project: name, name: dataTag })}
        className="w-[min(28rem,calc(100vw-2rem))]"
      >
        <form action={action} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="projectId" value={project?.id ?? ""} />
          <input
            type="hidden"
            name="returnTo"
            value={typeof window === "undefined" ? "/" : window.location.pathname + window.location.search}
          />
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="switch-password">{t.rich("passwordOf", { user, name: dataTag })}</Label>
            <Input
              id="switch-password"
              name="password"
              type="password"
              autoComplete="current-password"
              autoFocus
              required
              {...(fieldError ? { "aria-invalid": true, "aria-describedby": "switch-password-error" } : {})}
            />
            {fieldError && (
              <p id="switch-password-error" className="text-xs text-destructive">
                {fieldError}
              </p>
            )}
          </div>
          <div aria-live="polite">{error && !fieldError && <Alert tone="error">{error.message}</Alert>}</div>
          <p className="text-xs text-muted-foreground">{t.rich("federated", { project: name, name: dataTag })}</p>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onCancel}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("switching") : t.rich("switchTo", { project: project?.name ?? "", name: dataTag })}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
