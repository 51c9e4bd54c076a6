"use client";

import {
  BookUser,
  ClipboardCheck,
  FileCode2,
  History,
  Images,
  Inbox,
  Layers,
  ShieldCheck,
  Smartphone,
  LayoutDashboard,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import { NAV_ITEMS } from "./nav-items";
import { PendingBadge, usePendingCount, useWaitingApprovals } from "./pending-count";

const ICONS = {
  "/": LayoutDashboard,
  "/images": Images,
  "/phones": Smartphone,
  "/incoming": Inbox,
  "/batches": Layers,
  "/manifests": FileCode2,
  "/history": History,
  "/names": BookUser,
  "/approvals": ClipboardCheck,
  "/settings": ShieldCheck,
} as const;

/**
 * `projectId` keys the pending count; `pollMs` is how often it is asked again (INBOX_POLL_MS);
 * `approvals` counts the requests that wait for this admin as the page was drawn, then polled as often.
 */
export function Sidebar({ projectId, pollMs, approvals }: { projectId: string; pollMs: number; approvals: number }) {
  const pathname = usePathname();
  const pending = usePendingCount(projectId, pollMs);
  const waiting = useWaitingApprovals(projectId, pollMs, approvals);
  const t = useTranslations("shell.nav");
  return (
    <nav aria-label={t("label")} className="w-14 shrink-0 border-r border-border bg-card xl:w-56">
      <div className="sticky top-0 flex flex-col">
        <Link href="/" className="flex h-14 items-center gap-2 border-b border-border px-4 font-semibold">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-md bg-primary text-xs text-primary-foreground"
          >
            Im
          </span>
          <span translate="no" className="hidden xl:inline">
            Imshare
          </span>
        </Link>
        <ul className="flex flex-col gap-0.5 p-2">
          {NAV_ITEMS.map((item) => {
            const Icon = ICONS[item.href];
            // "/" is the overview alone; every other item holds its sub-pages.
            const active = pathname === item.href || (item.href !== "/" && pathname.startsWith(`${item.href}/`));
            const count = item.href === "/incoming" ? pending : item.href === "/approvals" ? waiting : 0;
            const label = t(item.key);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  title={t(`${item.key}Hint`)}
                  className={cn(
                    "flex items-center gap-3 rounded-md px-2.5 py-2 text-sm",
                    active
                      ? "bg-accent font-medium text-primary"
                      : "text-muted-foreground hover:bg-muted hover:text-foreground",
                  )}
                >
                  <span className="relative shrink-0">
                    <Icon aria-hidden className="size-4" />
                    <PendingBadge count={count} collapsed />
                  </span>
                  <span aria-hidden className="hidden xl:inline">
                    {label}
                  </span>
                  <span className="sr-only">{count > 0 ? t("incomingPending", { label, count }) : label}</span>
                  <PendingBadge count={count} />
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
