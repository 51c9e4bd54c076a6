"use client";

import { Check, ChevronsUpDown, Globe } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ActionResult, ActionState } from "@/lib/actions/action";
import { ProjectPasswordDialog, type SwitchWithPassword } from "./project-password-dialog";

interface Project {
  id: string;
  name: string;
}

/** The server action that re-scopes the session's token to another project. */
export type SwitchProject = (
  prev: ActionState<{ project: string }>,
  input: { projectId: string; returnTo: string },
) => Promise<ActionResult<{ project: string }>>;

/**
 * Lists the user's projects (IAM `GET /v3/auth/projects`); choosing one re-scopes and stays on the
 * page. Where IAM refuses to re-scope the token (D7), a dialog asks for the password for that project.
 */
export function ProjectSwitcher({
  current,
  projects,
  user,
  switchProjectAction,
  switchProjectWithPasswordAction,
}: {
  current: Project;
  projects: Project[];
  user: string;
  switchProjectAction: SwitchProject;
  switchProjectWithPasswordAction: SwitchWithPassword;
}) {
  const t = useTranslations("shell.project");
  const [state, action] = useActionState(switchProjectAction, null);
  const [pending, startTransition] = useTransition();
  const chosen = useRef<Project | null>(null);
  const [askPassword, setAskPassword] = useState<Project | null>(null);
  const sorted = [...projects].sort((a, b) => a.name.localeCompare(b.name));

  useEffect(() => {
    // Only a new answer opens the dialog, for the project that answer is about.
    if (state?.ok === false && state.error.code === "password_needed") setAskPassword(chosen.current);
  }, [state]);

  const choose = (project: Project) => {
    if (project.id === current.id) return;
    const returnTo = window.location.pathname + window.location.search;
    chosen.current = project;
    startTransition(() => action({ projectId: project.id, returnTo }));
  };

  return (
    <div className="flex min-w-0 items-center gap-3">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="secondary"
            className="max-w-72 justify-between"
            aria-label={t("switchLabel", { name: current.name })}
            disabled={pending}
          >
            <Globe aria-hidden />
            {pending ? (
              <span className="truncate">{t("switching")}</span>
            ) : (
              <span translate="no" className="truncate">
                {current.name}
              </span>
            )}
            <ChevronsUpDown aria-hidden className="opacity-60" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>{t("menuLabel")}</DropdownMenuLabel>
          <DropdownMenuSeparator />
          {sorted.map((p) => (
            <DropdownMenuItem key={p.id} onSelect={() => choose(p)}>
              <Check aria-hidden className={p.id === current.id ? "opacity-100" : "opacity-0"} />
              <span translate="no" className="flex flex-col">
                <span>{p.name}</span>
                <span className="font-mono text-[11px] text-muted-foreground">{p.id}</span>
              </span>
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <p aria-live="polite" className="truncate text-sm text-destructive">
        {state?.ok === false && state.error.code !== "password_needed" ? state.error.message : ""}
      </p>
      <ProjectPasswordDialog
        key={askPassword?.id}
        project={askPassword}
        user={user}
        switchProjectWithPasswordAction={switchProjectWithPasswordAction}
        onCancel={() => setAskPassword(null)}
      />
    </div>
  );
}
