import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** The console's checkbox: a native input in the theme's colour, dimmed when disabled. */
export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input type="checkbox" className={cn("size-4 accent-[var(--primary)] disabled:opacity-30", className)} {...props} />
  );
}
