import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * The line above a list a link opened filtered (the overview's tiles do): what the list shows, and the
 * way back to all of it.
 */
export function FilterNote({
  children,
  href,
  linkLabel,
  className,
}: {
  children: ReactNode;
  href: string;
  linkLabel: string;
  className?: string;
}) {
  return (
    <p
      data-testid="filter-note"
      className={cn("flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-muted-foreground", className)}
    >
      <span>{children}</span>
      <Link href={href} className="text-primary hover:underline">
        {linkLabel}
      </Link>
    </p>
  );
}
