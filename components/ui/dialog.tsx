"use client";

import * as Primitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

export const Dialog = Primitive.Root;
export const DialogTrigger = Primitive.Trigger;
export const DialogClose = Primitive.Close;

export function DialogContent({
  title,
  description,
  children,
  className,
  ...props
}: Omit<ComponentProps<typeof Primitive.Content>, "title"> & { title: ReactNode; description?: ReactNode }) {
  const t = useTranslations("common");
  return (
    <Primitive.Portal>
      <Primitive.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <Primitive.Content
        className={cn(
          "fixed top-[6dvh] left-1/2 z-50 flex max-h-[88dvh] w-[min(44rem,calc(100vw-2rem))] -translate-x-1/2 flex-col rounded-lg border border-border bg-card shadow-xl",
          className,
        )}
        {...props}
      >
        <div className="flex items-start justify-between gap-4 border-b border-border p-5">
          <div>
            <Primitive.Title className="text-base font-semibold">{title}</Primitive.Title>
            {description ? (
              <Primitive.Description className="mt-1 text-sm text-muted-foreground">
                {description}
              </Primitive.Description>
            ) : (
              <Primitive.Description className="sr-only">{title}</Primitive.Description>
            )}
          </div>
          <Primitive.Close className="rounded-md p-1 text-muted-foreground hover:bg-muted" aria-label={t("close")}>
            <X aria-hidden className="size-4" />
          </Primitive.Close>
        </div>
        <div className="overflow-y-auto p-5">{children}</div>
      </Primitive.Content>
    </Primitive.Portal>
  );
}
