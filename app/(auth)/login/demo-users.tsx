"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

/** The emulator's demo world (../shared/demo-world.md); shown only when the console runs against it. */
const DEMO_USERS = [
  { account: "acme", user: "alice", password: "alice-demo-2026" },
  { account: "acme", user: "audrey", password: "audrey-demo-2026" },
  {
    account: "acme",
    user: "arthur",
    password: "arthur-demo-2026",
  },
  { account: "globex", user: "bob", password: "bob-demo-2026" },
  { account: "initech", user: "carol", password: "carol-demo-2026" },
  { account: "umbrella", user: "dave", password: "dave-demo-2026" },
] as const;

function fill(values: Record<string, string>) {
  const form = document.querySelector<HTMLFormElement>("form[data-sign-in=password]");
  if (!form) return;
  for (const [name, value] of Object.entries(values)) {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) input.value = value;
  }
  form.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
}

export function DemoUsers() {
  const t = useTranslations("auth.demo");
  return (
    <Card className="h-fit">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("lead")}</p>
      </CardHeader>
      <CardContent>
        <ul className="divide-y divide-border text-sm">
          {DEMO_USERS.map((u) => (
            <li key={u.user} className="flex items-center justify-between gap-3 py-2">
              <div className="min-w-0">
                <p translate="no" className="font-medium">
                  {u.user} <span className="text-muted-foreground">@ {u.account}</span>
                </p>
                <p className="truncate text-xs text-muted-foreground">
                  {t.rich(u.user, { name: (chunks) => <span translate="no">{chunks}</span> })} · {t("password")}{" "}
                  <code className="font-mono">{u.password}</code>
                </p>
              </div>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                onClick={() =>
                  fill({ account: u.account, user: u.user, password: u.password, project: "ap-southeast-1" })
                }
              >
                {t.rich("use", {
                  user: u.user,
                  hidden: (chunks) => (
                    <span translate="no" className="sr-only">
                      {" "}
                      {chunks}
                    </span>
                  ),
                })}
              </Button>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
