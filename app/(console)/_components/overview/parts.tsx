"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatAge, formatAgo } from "@/lib/i18n/format";
import type { TileData, TileName } from "@/lib/overview/types";
import { cn } from "@/lib/utils";

/** What each tile's view is given: its data, and whether this user may change anything. */
export interface ViewProps<K extends TileName> {
  data: TileData[K];
  canChange: boolean;
}

/** "3 days ago" (or "for 3 days" with `age`), by the browser's clock. */
export function Ago({ at, age = false }: { at: number; age?: boolean }) {
  const format = useFormatter();
  const words = useTranslations("common.time");
  return (
    <span suppressHydrationWarning className="text-xs whitespace-nowrap text-muted-foreground">
      {age ? formatAge(format, words, at) : formatAgo(format, words, at)}
    </span>
  );
}

/** A tile's heading: its name, and the count that says at a glance whether it needs anyone. */
export function TileTitle({
  name,
  count,
  tone = "neutral",
  extra,
}: {
  name: TileName;
  count?: number;
  tone?: "neutral" | "attention" | "danger";
  extra?: ReactNode;
}) {
  const t = useTranslations("overview.tiles");
  return (
    <div className="flex items-start justify-between gap-3">
      <div className="min-w-0">
        <h2 id={`tile-${name}-title`} className="text-sm font-semibold">
          {t(`${name}.title`)}
        </h2>
        {extra && <p className="mt-0.5 text-xs text-muted-foreground">{extra}</p>}
      </div>
      {count !== undefined && (
        <span
          data-testid={`tile-${name}-count`}
          className={cn(
            "text-2xl leading-none font-semibold tabular-nums",
            count === 0 && "text-muted-foreground",
            count > 0 && tone === "attention" && "text-warning",
            count > 0 && tone === "danger" && "text-destructive",
          )}
        >
          {count}
        </span>
      )}
    </div>
  );
}

/**
 * A tile's items, or what a healthy account looks like in their place (`calm`), then the way to every
 * item: `link`, the page filtered to exactly what the tile counts.
 */
export function TileBody<T>({
  name,
  items,
  label,
  calm,
  itemKey,
  children,
  link,
}: {
  name: TileName;
  items: T[];
  label: string;
  calm: ReactNode;
  itemKey: (item: T) => string;
  children: (item: T) => ReactNode;
  link?: { href: string; text: string } | false;
}) {
  return (
    <>
      {items.length === 0 ? (
        <p className="flex-1 text-sm text-muted-foreground">{calm}</p>
      ) : (
        <ul aria-label={label} className="flex flex-col divide-y divide-border text-sm">
          {items.map((item) => (
            <li
              key={itemKey(item)}
              data-testid={`tile-${name}-item`}
              className="flex min-w-0 flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1.5"
            >
              {children(item)}
            </li>
          ))}
        </ul>
      )}
      {link && <TileLink href={link.href} text={link.text} testId={`tile-${name}-link`} />}
    </>
  );
}

/** The way to every item: the page, filtered to exactly what the tile counts. */
export function TileLink({ href, text, testId }: { href: string; text: string; testId: string }) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className="mt-auto w-fit text-sm font-medium text-primary underline-offset-4 hover:underline"
    >
      {text}
    </Link>
  );
}
