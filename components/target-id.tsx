"use client";

import { Check, Copy } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { Names } from "@/lib/names/lookup";
import { cn } from "@/lib/utils";

const NamesContext = createContext<Names>({});

/** The names of the account's targets, read once per request by the console's layout. */
export function NamesProvider({ names, children }: { names: Names; children: ReactNode }) {
  return <NamesContext.Provider value={names}>{children}</NamesContext.Provider>;
}

export const useNames = () => useContext(NamesContext);

const shortId = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);

/** Copies `value`, saying so visibly ("Copied") and to screen readers, for two seconds. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useTranslations("common");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <span className="inline-flex shrink-0 items-center gap-1">
      <button
        type="button"
        aria-label={label ?? t("copy", { value })}
        title={t("copyTitle")}
        className="inline-flex size-6 items-center justify-center rounded text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => setState("copied"),
            () => setState("failed"),
          )
        }
      >
        {state === "copied" ? (
          <Check aria-hidden className="size-3.5 text-success" />
        ) : (
          <Copy aria-hidden className="size-3.5" />
        )}
      </button>
      <span role="status" className="text-xs text-muted-foreground empty:hidden">
        {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}

/**
 * A project, account, organization or image id as the console shows it everywhere: its name first
 * when one is known (given, or from the address book), the id in monospace below it on one line
 * (truncated, never broken mid-id; the whole id in its title), and a copy button. `compact` shows
 * the id's ends only; `oneLine` shows the name alone when known (the id in its title and copy), for
 * rows of fixed height; `href` makes the label a link. Name and id are the cloud's or the address
 * book's words, never translated (`translate="no"`).
 */
export function TargetId({
  id,
  name,
  href,
  compact,
  oneLine,
  className,
}: {
  id: string;
  name?: string;
  href?: string;
  compact?: boolean;
  oneLine?: boolean;
  className?: string;
}) {
  const names = useNames();
  const label = name ?? names[id];
  const idText = (
    <span
      title={id}
      className={cn("block truncate font-mono text-xs whitespace-nowrap", label && "text-muted-foreground")}
    >
      {compact ? shortId(id) : id}
    </span>
  );
  const body =
    oneLine && label ? (
      <span title={id} translate="no" className="block min-w-0 truncate font-medium">
        {label}
      </span>
    ) : (
      <span translate="no" className="flex min-w-0 flex-col">
        {label && <span className="truncate font-medium">{label}</span>}
        {idText}
      </span>
    );
  return (
    <span className={cn("inline-flex max-w-full min-w-0 items-center gap-1 align-middle", className)}>
      {href ? (
        <Link href={href} className="min-w-0 hover:underline">
          {body}
        </Link>
      ) : (
        body
      )}
      <CopyButton value={id} />
    </span>
  );
}
