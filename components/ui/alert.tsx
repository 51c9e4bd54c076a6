import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const tones = {
  error: "border-destructive/40 bg-destructive/10 text-destructive",
  info: "border-primary/30 bg-accent text-foreground",
  warning: "border-warning/40 bg-warning/10 text-foreground",
};

/** A message block; the form's live region wraps it, so it does not claim role="alert" itself. */
export function Alert({ className, tone = "info", ...props }: ComponentProps<"div"> & { tone?: keyof typeof tones }) {
  return <div className={cn("rounded-md border px-3 py-2 text-sm", tones[tone], className)} {...props} />;
}
