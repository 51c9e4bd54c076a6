"use client";

import { Check, Languages, LogOut, Monitor, Moon, Sun, UserRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { dataTag } from "@/components/data-text";
import { chooseLocale } from "@/components/language-switch";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

type Theme = "system" | "light" | "dark";

function currentTheme(): Theme {
  const match = document.cookie.match(/(?:^|; )theme=(light|dark)/);
  return (match?.[1] as Theme | undefined) ?? "system";
}

function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (theme !== "system") root.classList.add(theme);
  document.cookie = `theme=${theme}; path=/; max-age=31536000; samesite=lax`;
}

export function UserMenu({
  user,
  account,
  readOnly,
  signOutAction,
}: {
  user: string;
  account: string;
  readOnly: boolean;
  /** The server action that records the sign-out and returns to sign-in. */
  signOutAction: (prev: null, payload: Record<string, never>) => Promise<unknown>;
}) {
  const t = useTranslations("shell.user");
  const locale = useLocale();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [theme, setTheme] = useState<Theme | null>(null);
  const choose = (t: Theme) => {
    applyTheme(t);
    setTheme(t);
  };
  const themes: { value: Theme; label: string; Icon: typeof Sun }[] = [
    { value: "system", label: t("themeSystem"), Icon: Monitor },
    { value: "light", label: t("themeLight"), Icon: Sun },
    { value: "dark", label: t("themeDark"), Icon: Moon },
  ];

  return (
    <div className="flex items-center gap-2">
      {readOnly && <Badge tone="warning">{t("readOnly")}</Badge>}
      <DropdownMenu onOpenChange={(open) => open && setTheme(currentTheme())}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost">
            <UserRound aria-hidden />
            <span aria-hidden translate="no" className="hidden sm:inline">
              {user}
            </span>
            <span aria-hidden translate="no" className="hidden text-muted-foreground sm:inline">
              @ {account}
            </span>
            <span className="sr-only">{t.rich("menu", { user, account, name: dataTag })}</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>
            {t.rich("signedInAs", {
              user,
              account,
              strong: (chunks) => (
                <span translate="no" className="font-medium text-foreground">
                  {chunks}
                </span>
              ),
            })}
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          {themes.map(({ value, label, Icon }) => (
            <DropdownMenuItem
              key={value}
              onSelect={() => choose(value)}
              aria-checked={theme === value}
              role="menuitemradio"
            >
              <Icon aria-hidden />
              <span className="flex-1">{label}</span>
              {theme === value && <Check aria-hidden className="text-primary" />}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          {LOCALES.map((l) => (
            <DropdownMenuItem
              key={l}
              lang={l}
              onSelect={() => {
                chooseLocale(l);
                startTransition(() => router.refresh());
              }}
              aria-checked={locale === l}
              role="menuitemradio"
            >
              <Languages aria-hidden />
              <span className="flex-1">{LOCALE_NAMES[l]}</span>
              {locale === l && <Check aria-hidden className="text-primary" />}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => void signOutAction(null, {})}>
            <LogOut aria-hidden />
            {t("signOut")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
