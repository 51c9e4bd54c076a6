import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";

/** The parts of Settings: the sharing policy, the notifications and the user's API tokens. */
export async function SettingsTabs({ current }: { current: "policy" | "notifications" | "tokens" }) {
  const t = await getTranslations("notify.page");
  const tabs = [
    { id: "policy", href: "/settings", label: t("tabPolicy") },
    { id: "notifications", href: "/settings/notifications", label: t("tabNotifications") },
    { id: "tokens", href: "/settings/tokens", label: t("tabTokens") },
  ] as const;
  return (
    <nav aria-label={t("tabsLabel")} className="flex gap-1 border-b border-border">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm",
            tab.id === current
              ? "border-primary font-medium text-foreground"
              : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
