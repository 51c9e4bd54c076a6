import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/**
 * A table in a bordered card. Below 40rem (phones) a `stack` table (the default) turns each row into
 * a card of "label: value" lines, each line labelled by its cell's `label` (globals.css `.table-stack`);
 * `narrow="scroll"` keeps the columns and scrolls sideways instead.
 */
export function Table({
  className,
  narrow = "stack",
  ...props
}: ComponentProps<"table"> & { narrow?: "stack" | "scroll" }) {
  return (
    <div className="relative w-full overflow-x-auto rounded-lg border border-border bg-card">
      <table
        className={cn("w-full caption-bottom text-sm", narrow === "stack" && "table-stack", className)}
        {...props}
      />
    </div>
  );
}

export function THead(props: ComponentProps<"thead">) {
  return (
    <thead
      className="border-b border-border bg-muted/60 text-left text-xs tracking-wide text-muted-foreground uppercase"
      {...props}
    />
  );
}

export function TH({ className, ...props }: ComponentProps<"th">) {
  return <th scope="col" className={cn("h-9 px-3 font-medium", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-b border-border last:border-0 hover:bg-muted/40", className)} {...props} />;
}

/** A cell; `label` (its column's heading) is shown before the value when the table stacks. */
export function TD({ className, label, children, ...props }: ComponentProps<"td"> & { label?: string }) {
  return (
    <td className={cn("px-3 py-2 align-middle", className)} data-label={label} {...props}>
      {label && <span className="stack-label">{label}</span>}
      {children}
    </td>
  );
}
