import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { ProjectSwitcher } from "@/components/shell/project-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { Providers } from "@/components/providers";
import { NamesProvider } from "@/components/target-id";
import { canChange, requireSession, withCloud } from "@/lib/auth/session";
import { listAuthProjects } from "@/lib/cloud/iam";
import { requestNames } from "@/lib/names/server";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import { countWaiting } from "@/lib/policy/approvals";
import { signOutAction, switchProjectAction, switchProjectWithPasswordAction } from "./actions";

/** The shell of every signed-in page: navigation, project and region switcher, user menu. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const projects = await withCloud((scope) => listAuthProjects(scope.token, scope.region)).catch(() => []);
  const current = { id: session.projectId, name: session.projectName };
  const [names, approvals] = await Promise.all([
    requestNames(),
    // Read-only users decide nothing: no count for them.
    canChange(session) ? getDb().then((db) => countWaiting(db, session.accountId, session.userId)) : 0,
  ]);
  const t = await getTranslations("shell");
  return (
    <Providers>
      <NamesProvider names={names}>
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <div className="flex min-h-screen">
          <Sidebar projectId={session.projectId} pollMs={env.INBOX_POLL_MS} approvals={approvals} />
          <div className="flex min-w-0 flex-1 flex-col">
            <header className="flex h-14 items-center justify-between gap-4 border-b border-border bg-card px-4 lg:px-6">
              <ProjectSwitcher
                current={current}
                projects={projects.length ? projects : [current]}
                user={session.userName}
                switchProjectAction={switchProjectAction}
                switchProjectWithPasswordAction={switchProjectWithPasswordAction}
              />
              <UserMenu
                user={session.userName}
                account={session.accountName}
                readOnly={session.roles.includes("readonly")}
                signOutAction={signOutAction}
              />
            </header>
            <main id="main" className="flex-1 px-4 py-6 lg:px-8">
              {children}
            </main>
          </div>
        </div>
      </NamesProvider>
    </Providers>
  );
}
